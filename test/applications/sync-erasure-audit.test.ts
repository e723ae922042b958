import { eq, sql } from "drizzle-orm";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { auditLog, candidates } from "../../src/db/tables";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { countersAndRecount, rollupsAndRecount } from "../helpers/recount";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";
import { waitFor } from "../server/http";

let server: TestServer;
let keys: Keys;
let vacancyId: string;

beforeAll(async () => {
  server = await startTestServer();
  keys = await createKeys(server);
  vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "FEDASIL", place: "Syncstad" }))[0]);
});
afterAll(() => server.close());

const SYNC = `query Sync($filter: ApplicationFilter, $first: Int, $after: String) {
  applications(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id externalId stage version updatedAt } }
  }
}`;

describe("reads for HR sync", () => {
  test("pages through changes since the last sync in a stable order", async () => {
    const items = Array.from({ length: 5 }, () => submission(vacancyId));
    const created = await server.data(SUBMIT, { input: { applications: items } }, { key: keys.fedasil });
    const appIds: string[] = created.submitApplications.results.map((r: any) => r.application.id);

    const firstPass: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.data(SYNC, { filter: { vacancyId }, first: 2, after }, { key: keys.fedasil })).applications;
      expect(page.totalCount).toBe(5);
      firstPass.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(firstPass.sort()).toEqual([...appIds].sort());

    const lastSync = (await server.data(SYNC, { filter: { vacancyId }, first: 100 }, { key: keys.fedasil })).applications.edges.at(-1).node.updatedAt;
    // The move's updatedAt must come after the asked-for instant: wait until the database's clock is past it.
    const since = new Date(Date.parse(lastSync) + 1).toISOString();
    await waitFor(async () => (await selectRows<{ past: boolean }>(server.database.db, sql`select clock_timestamp() > ${since}::timestamptz as past`))[0].past);
    await server.data(MOVE, { input: { applicationId: appIds[3], toStage: "SCREENED" } }, { key: keys.fedasil });
    const changes = await server.data(SYNC, { filter: { vacancyId, updatedSince: since } }, { key: keys.fedasil });
    expect(changes.applications.edges.map((e: any) => [e.node.id, e.node.stage, e.node.version])).toEqual([[appIds[3], "SCREENED", 2]]);

    const byStage = await server.data(SYNC, { filter: { vacancyId, stage: "SCREENED" } }, { key: keys.fedasil });
    expect(byStage.applications.totalCount).toBe(1);
    const byExternalId = await server.data(SYNC, { filter: { externalId: items[2].externalId } }, { key: keys.fedasil });
    expect(byExternalId.applications.edges.map((e: any) => e.node.id)).toEqual([appIds[2]]);
    // Another agency's external id, or its vacancy, finds nothing.
    expect((await server.data(SYNC, { filter: { externalId: items[2].externalId } }, { key: keys.dvz })).applications.totalCount).toBe(0);
    expect((await server.data(SYNC, { filter: { vacancyId } }, { key: keys.dvz })).applications.totalCount).toBe(0);
  });

  test("bad filters and cursors are BAD_USER_INPUT", async () => {
    const bad = await server.gql(SYNC, { filter: { vacancyId: "nope" } }, { key: keys.fedasil });
    expect(bad.body.errors?.[0]).toMatchObject({ message: 'filter.vacancyId: "nope" is not a vacancy id.', extensions: { code: "BAD_USER_INPUT" } });
    const cursor = await server.gql(SYNC, { after: "bm9wZQ" }, { key: keys.fedasil });
    expect(cursor.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the statement count does not grow with the page", async () => {
    await server.data(SUBMIT, { input: { applications: Array.from({ length: 60 }, () => submission(vacancyId)) } }, { key: keys.fedasil });
    const query = `query($first: Int) { applications(first: $first) { totalCount edges { node { id stage vacancy { place agency { code } } candidate { lastName } history { toStage actor { name } } } } } }`;
    const small = await server.gql(query, { first: 2 }, { key: keys.fedasil });
    const large = await server.gql(query, { first: 60 }, { key: keys.fedasil });
    expect(large.body.data!.applications.edges).toHaveLength(60);
    expect(large.statements).toBe(small.statements);
  });
});

describe("erasure", () => {
  test("removes personal data for good and changes no figure", async () => {
    const item = submission(vacancyId, {}, { email: "te.wissen@example.be", phone: "0470 12 34 56", birthDate: "1985-02-03" });
    const created = await server.data(SUBMIT, { input: { applications: [item] } }, { key: keys.fedasil });
    const applicationId = created.submitApplications.results[0].application.id;
    await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key: keys.fedasil });
    const { application } = await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: applicationId }, { key: keys.admin });
    const figuresBefore = [await countersAndRecount(server.database.db), await rollupsAndRecount(server.database.db)];
    const campaignBefore = await server.data(`{ campaign(slug: "asiel-migratie-2021") { hiredCount openVacancyCount } }`);

    const erased = await server.data(
      `mutation($input: EraseCandidateInput!) { eraseCandidate(input: $input) { candidate { id firstName lastName email phone birthDate erased } userErrors { code } } }`,
      { input: { candidateId: application.candidate.id } },
      { key: keys.admin },
    );
    expect(erased.eraseCandidate).toEqual({
      candidate: { id: application.candidate.id, firstName: null, lastName: null, email: null, phone: null, birthDate: null, erased: true },
      userErrors: [],
    });
    const [row] = await server.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, fromGlobalId("Candidate", application.candidate.id)!));
    expect(row).toMatchObject({ email: null, firstName: null, lastName: null, phone: null, birthDate: null });

    expect([await countersAndRecount(server.database.db), await rollupsAndRecount(server.database.db)]).toEqual(figuresBefore);
    expect(await server.data(`{ campaign(slug: "asiel-migratie-2021") { hiredCount openVacancyCount } }`)).toEqual(campaignBefore);
    const after = await server.data(
      `query($id: ID!) { application(id: $id) { stage history { toStage } candidate { email erased } } }`,
      { id: applicationId },
      { key: keys.fedasil },
    );
    expect(after.application).toEqual({
      stage: "SCREENED",
      history: [{ toStage: "APPLIED" }, { toStage: "SCREENED" }],
      candidate: { email: null, erased: true },
    });

    // A resend of the application cannot bring the data back: it is refused, per item.
    const resent = await server.data(SUBMIT, { input: { applications: [item] } }, { key: keys.fedasil });
    expect(resent.submitApplications.results[0]).toMatchObject({ created: false, updated: false, application: null });
    expect(resent.submitApplications.results[0].userErrors.map((e: { code: string }) => e.code)).toEqual(["ERASED"]);
    const [still] = await server.database.db.select().from(candidates).where(eq(candidates.id, row.id));
    expect(still.email).toBeNull();

    const again = await server.data(
      `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
      { id: application.candidate.id },
      { key: keys.admin },
    );
    expect(again.eraseCandidate.userErrors).toEqual([{ code: "ALREADY_ERASED" }]);
  });
});

describe("audit", () => {
  test("every mutation leaves a record: who, what, which record, when, outcome; never personal data", async () => {
    const since = new Date().toISOString();
    const item = submission(vacancyId, {}, { email: "audit.persoon@example.be", lastName: "Auditnaam" });
    const created = await server.data(SUBMIT, { input: { applications: [item, submission("garbage")] } }, { key: keys.fedasil });
    const applicationId = created.submitApplications.results[0].application.id;
    await server.data(MOVE, { input: { applicationId, toStage: "SCREENED" } }, { key: keys.fedasil });
    await server.data(MOVE, { input: { applicationId, toStage: "HIRED" } }, { key: keys.fedasil });
    await server.gql(MOVE, { input: { applicationId, toStage: "WITHDRAWN" } }, { key: keys.taskforce });
    await server.gql(MOVE, { input: { applicationId, toStage: "WITHDRAWN" } });

    const log = await server.data(
      `query($since: DateTime) { auditLog(first: 10, filter: { since: $since }) { totalCount edges { node {
        operation outcome targetType targetId actorName actorRole actorAgencyCode userErrorCodes detail requestId occurredAt } } } }`,
      { since },
      { key: ADMIN_KEY },
    );
    const entries = log.auditLog.edges.map((e: any) => e.node);
    expect(
      entries.map((e: any) => [e.operation, e.outcome, e.targetType, e.targetId, e.actorName, e.actorRole, e.actorAgencyCode, e.userErrorCodes, e.detail]),
    ).toEqual([
      ["moveApplication", "DENIED", "Application", applicationId, "anonymous", null, null, [], { toStage: "WITHDRAWN" }],
      ["moveApplication", "DENIED", "Application", applicationId, "TASKFORCE test client", "TASKFORCE", null, [], { toStage: "WITHDRAWN" }],
      [
        "moveApplication",
        "USER_ERROR",
        "Application",
        applicationId,
        "AGENCY_HR FEDASIL test client",
        "AGENCY_HR",
        "FEDASIL",
        ["STAGE_SKIPPED"],
        { toStage: "HIRED" },
      ],
      ["moveApplication", "OK", "Application", applicationId, "AGENCY_HR FEDASIL test client", "AGENCY_HR", "FEDASIL", [], { toStage: "SCREENED" }],
      [
        "submitApplications",
        "USER_ERROR",
        null,
        null,
        "AGENCY_HR FEDASIL test client",
        "AGENCY_HR",
        "FEDASIL",
        ["VACANCY_NOT_FOUND"],
        { submitted: 2, created: 1, refused: 1 },
      ],
    ]);
    expect(entries.every((e: any) => typeof e.requestId === "string" && e.occurredAt >= since)).toBe(true);

    const stored = await server.database.db.select().from(auditLog);
    const text = JSON.stringify(stored);
    expect(text).not.toContain("audit.persoon");
    expect(text).not.toContain("Auditnaam");

    const filtered = await server.data(`{ auditLog(filter: { operation: "moveApplication", outcome: DENIED }) { totalCount } }`, {}, { key: ADMIN_KEY });
    expect(filtered.auditLog.totalCount).toBe(2);
  });

  test("the audit log pages newest first", async () => {
    const all = await server.data(`{ auditLog(first: 100) { totalCount edges { node { id occurredAt } } } }`, {}, { key: ADMIN_KEY });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await server.data(
          `query($after: String) { auditLog(first: 3, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
          { after },
          { key: ADMIN_KEY },
        )
      ).auditLog;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.auditLog.edges.map((e: any) => e.node.id));
    const times = all.auditLog.edges.map((e: any) => e.node.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
