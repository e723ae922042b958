import { createLogger } from "../../src/common/logger";
import { toGlobalId } from "../../src/common/global-id";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Personal data never reaches the logs: not at debug level, not when the database refuses a value. */
const lines: string[] = [];
let server: TestServer;
let keys: Keys;

beforeAll(async () => {
  server = await startTestServer({ logger: createLogger("debug", (line) => lines.push(line)) });
  keys = await createKeys(server);
});
afterAll(() => server.close());

test("HR writes with personal data, refused ones included, log ids and counts only", async () => {
  const vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ" }))[0]);
  const items = [
    submission(
      vacancyId,
      {},
      { firstName: "Griselda", lastName: "Vanderlogboek", email: "griselda.vanderlogboek@example.be", phone: "+32 470 99 88 77", birthDate: "1977-07-07" },
    ),
    // A NUL character cannot be stored: this one application is refused, before the database.
    submission(vacancyId, {}, { firstName: "Hortensia", lastName: "Nul\u0000byte", email: "hortensia.nulbyte@example.be" }),
    submission(vacancyId, {}, { email: "not-an-email-griselda" }),
  ];
  const result = await server.data(SUBMIT, { input: { applications: items } }, { key: keys.dvz });
  expect(result.submitApplications.results.map((r: any) => r.userErrors.map((e: any) => e.code))).toEqual([[], ["INVALID_TEXT"], ["INVALID_EMAIL"]]);
  const applicationId = result.submitApplications.results[0].application.id;
  await server.gql(MOVE, { input: { applicationId, toStage: "HIRED" } }, { key: keys.dvz });
  await server.gql(`query($q: String) { vacancies(filter: { search: $q }) { totalCount } }`, { q: "\u0000Griselda" });
  const candidate = await server.data(`query($id: ID!) { application(id: $id) { candidate { id } } }`, { id: applicationId }, { key: keys.admin });
  await server.data(
    `mutation($id: ID!) { eraseCandidate(input: { candidateId: $id }) { userErrors { code } } }`,
    { id: candidate.application.candidate.id },
    { key: keys.admin },
  );

  const log = lines.join("\n").toLowerCase();
  expect(lines.length).toBeGreaterThan(5);
  for (const personal of ["griselda", "vanderlogboek", "hortensia", "nulbyte", "470 99 88", "1977-07-07", keys.dvz.toLowerCase()]) {
    expect([personal, log.includes(personal)]).toEqual([personal, false]);
  }
});
