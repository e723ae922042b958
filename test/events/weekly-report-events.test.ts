import { eq } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { vacancies } from "../../src/db/tables";
import { createKeys, submission, SUBMIT, type Keys } from "../helpers/clients";
import { FeedFollower } from "../helpers/events";
import { insertCampaign, insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { Receiver, registerReceiver, stopTestWorkers, testWorker } from "../helpers/webhooks";

/** The taskforce's weekly reports as events: frozen when a closed week is first read, revised by a backdated move. */

let server: TestServer;
let keys: Keys;
let clock = new Date("2026-03-11T10:00:00Z");
let vacancyId: string;
let campaignId: string;
const receiver = new Receiver();

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  keys = await createKeys(server);
  const db = server.database.db;
  const { campaign, wave } = await insertCampaign(db, "weekly-events", 10);
  campaignId = toGlobalId("Campaign", campaign.id);
  const [id] = await insertVacancies(db, 1, { agencyCode: "DVZ", headcountTarget: 5 });
  await db.update(vacancies).set({ campaignId: campaign.id, waveId: wave.id }).where(eq(vacancies.id, id));
  vacancyId = toGlobalId("Vacancy", id);
  await receiver.up();
});
afterAll(async () => {
  await stopTestWorkers();
  await receiver.down();
  await server.close();
});

const WEEKLY = `query { dashboard(campaignSlug: "weekly-events") { weekly(from: "2026-02-23", to: "2026-03-15") { isoWeek closed } } }`;

test("frozen weeks and a revision reach the taskforce's feed and webhook, and no agency's", async () => {
  const taskforce = new FeedFollower(server, keys.taskforce, ["WEEKLY_REPORT_FROZEN", "WEEKLY_REPORT_REVISED"]);
  const dvz = new FeedFollower(server, keys.dvz);
  await taskforce.poll();
  await dvz.poll();
  await registerReceiver(server, keys.taskforce, receiver, ["WEEKLY_REPORT_FROZEN", "WEEKLY_REPORT_REVISED"]);
  const push = (submittedAt: string) => server.data(SUBMIT, { input: { applications: [submission(vacancyId, { submittedAt })] } }, { key: keys.dvz });
  await push("2026-03-03T09:00:00Z");

  await server.data(WEEKLY, {}, { key: keys.taskforce }); // the first read after week 10 closed freezes weeks 1 to 10
  const frozen = await taskforce.poll();
  expect(frozen.map((e) => [e.typeName, e.payload.week])).toEqual(
    Array.from({ length: 10 }, (_, i) => ["weekly_report.frozen", `2026-W${String(i + 1).padStart(2, "0")}`]),
  );
  expect(frozen[9]).toMatchObject({
    agencyCode: null,
    payload: { campaignId, week: "2026-W10", monday: "2026-03-02", frozenAt: "2026-03-11T10:00:00.000Z" },
  });
  await server.data(WEEKLY, {}, { key: keys.taskforce });
  expect(await taskforce.poll()).toEqual([]); // frozen once

  clock = new Date("2026-03-12T08:00:00Z");
  await push("2026-03-04T09:00:00Z"); // a late sync into the frozen week 10
  await push("2026-03-10T09:00:00Z"); // this week: revises nothing
  expect((await taskforce.poll()).map((e) => e.payload)).toEqual([{ campaignId, week: "2026-W10", monday: "2026-03-02", stages: ["APPLIED"] }]);
  expect((await dvz.poll()).map((e) => e.typeName)).toEqual(["application.submitted", "application.submitted", "application.submitted"]);

  await testWorker(server).drain();
  receiver.received.sort((a, b) => a.body.sequence - b.body.sequence);
  expect(receiver.received.map((d) => d.body.type)).toEqual([...Array.from({ length: 10 }, () => "weekly_report.frozen"), "weekly_report.revised"]);
  expect(receiver.received.every((d) => d.verified)).toBe(true);
});
