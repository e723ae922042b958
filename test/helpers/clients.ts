import { eq } from "drizzle-orm";
import { fromGlobalId } from "../../src/common/global-id";
import { testSessions } from "../../src/db/tables";
import { ADMIN_KEY, type TestServer } from "./test-server";

export type AgencyCodeName = "DVZ" | "CGVS" | "RVV" | "FEDASIL";

/** Creates an API client through the API (as the bootstrap administrator) and returns its key. */
export async function createKey(server: TestServer, role: "AGENCY_HR" | "TASKFORCE" | "ADMIN", agency?: AgencyCodeName, name?: string): Promise<string> {
  const data = await server.data(
    `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } userErrors { code message } } }`,
    { input: { name: name ?? [role, agency, "test client"].filter(Boolean).join(" "), role, agency: agency ?? null } },
    { key: ADMIN_KEY },
  );
  if (data.createApiClient.userErrors.length) throw new Error(JSON.stringify(data.createApiClient.userErrors));
  return data.createApiClient.apiKey;
}

export interface Keys {
  dvz: string;
  cgvs: string;
  rvv: string;
  fedasil: string;
  taskforce: string;
  admin: string;
}

export async function createKeys(server: TestServer): Promise<Keys> {
  return {
    dvz: await createKey(server, "AGENCY_HR", "DVZ"),
    cgvs: await createKey(server, "AGENCY_HR", "CGVS"),
    rvv: await createKey(server, "AGENCY_HR", "RVV"),
    fedasil: await createKey(server, "AGENCY_HR", "FEDASIL"),
    taskforce: await createKey(server, "TASKFORCE"),
    admin: await createKey(server, "ADMIN"),
  };
}

export const SUBMIT = `mutation Submit($input: SubmitApplicationsInput!) {
  submitApplications(input: $input) {
    createdCount existingCount refusedCount
    results { externalId created updated application { id stage version externalId } userErrors { field code message } }
    userErrors { code message }
  }
}`;

export const MOVE = `mutation Move($input: MoveApplicationInput!) {
  moveApplication(input: $input) { application { id stage version rejectionReason stageEnteredAt } userErrors { field code message } }
}`;

let counter = 0;
/** A submission with a fresh external id and a fresh person unless told otherwise. */
export function submission(vacancyId: string, overrides: Record<string, unknown> = {}, candidate: Record<string, unknown> = {}) {
  counter++;
  const n = `${process.pid}-${counter}`;
  return {
    externalId: `ext-${n}`,
    vacancyId,
    candidate: { firstName: "Test", lastName: `Kandidaat ${n}`, email: `kandidaat.${n}@example.be`, ...candidate },
    ...overrides,
  };
}

/** TESTED applications of a DVZ vacancy: submitted, screened, invited to a session that then started, present. */
export async function testedApplications(server: TestServer, keys: Keys, vacancyId: string, count: number): Promise<string[]> {
  const data = await server.data(SUBMIT, { input: { applications: Array.from({ length: count }, () => submission(vacancyId)) } }, { key: keys.dvz });
  const ids: string[] = data.submitApplications.results.map((r: { application: { id: string } }) => r.application.id);
  for (const applicationId of ids) await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key: keys.dvz });
  const session = (
    await server.data(
      `mutation($input: CreateTestSessionInput!) { createTestSession(input: $input) { testSession { id } userErrors { code } } }`,
      {
        input: {
          kind: "WRITTEN",
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          place: "Selor, Brussel",
          capacity: 50,
          vacancyIds: [vacancyId],
        },
      },
      { key: keys.taskforce },
    )
  ).createTestSession.testSession;
  await server.data(
    `mutation($input: InviteToTestSessionInput!) { inviteToTestSession(input: $input) { userErrors { code } } }`,
    { input: { sessionId: session.id, applicationIds: ids } },
    { key: keys.taskforce },
  );
  await server.database.db
    .update(testSessions)
    .set({ startsAt: new Date(Date.now() - 3_600_000) })
    .where(eq(testSessions.id, fromGlobalId("TestSession", session.id)!));
  await server.data(
    `mutation($input: RecordSessionAttendanceInput!) { recordSessionAttendance(input: $input) { userErrors { code } } }`,
    { input: { sessionId: session.id, presentApplicationIds: ids, absentApplicationIds: [] } },
    { key: keys.taskforce },
  );
  return ids;
}
