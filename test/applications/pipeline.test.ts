import { eq, sql } from "drizzle-orm";
import { recordStageMoves } from "../../src/applications/stage-moves";
import { checkMove, nextStage, PIPELINE_STEPS, stagesFrom } from "../../src/applications/stages";
import { fromGlobalId, toGlobalId } from "../../src/common/global-id";
import { selectRows } from "../../src/db/client";
import { applications, stageEvents } from "../../src/db/tables";
import { createKeys, MOVE, submission, SUBMIT, type Keys } from "../helpers/clients";
import { insertVacancies } from "../helpers/factories";
import { expectCountersToMatchEvents } from "../helpers/recount";
import { onPostgres } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe("the stage machine (pure)", () => {
  test.each([
    ["APPLIED", "SCREENED", null, null],
    ["APPLIED", "INVITED", null, "STAGE_SKIPPED"],
    ["APPLIED", "HIRED", null, "STAGE_SKIPPED"],
    ["SCREENED", "APPLIED", null, "BACKWARD_MOVE"],
    ["SCREENED", "INVITED", null, "STAGE_SET_BY_SELECTION"],
    ["INVITED", "TESTED", null, "STAGE_SET_BY_SELECTION"],
    ["TESTED", "LAUREATE", null, "STAGE_SET_BY_SELECTION"],
    ["LAUREATE", "OFFERED", null, null],
    ["OFFERED", "HIRED", null, null],
    ["HIRED", "WITHDRAWN", null, "FINAL_STAGE"],
    ["REJECTED", "SCREENED", null, "FINAL_STAGE"],
    ["WITHDRAWN", "APPLIED", null, "FINAL_STAGE"],
    ["APPLIED", "APPLIED", null, "ALREADY_IN_STAGE"],
    ["APPLIED", "REJECTED", null, "REASON_REQUIRED"],
    ["APPLIED", "REJECTED", "INELIGIBLE", null],
    ["OFFERED", "REJECTED", "OTHER", null],
    ["APPLIED", "SCREENED", "OTHER", "REASON_NOT_ALLOWED"],
    ["TESTED", "WITHDRAWN", null, null],
  ] as const)("%s -> %s (reason %s): %s", (from, to, reason, expected) => {
    expect(checkMove(from, to, reason)?.code ?? null).toBe(expected);
  });

  test("the test-session side may set INVITED, TESTED and LAUREATE, still one step at a time", () => {
    expect(checkMove("SCREENED", "INVITED", null, "selection")).toBeNull();
    expect(checkMove("INVITED", "TESTED", null, "selection")).toBeNull();
    expect(checkMove("TESTED", "LAUREATE", null, "selection")).toBeNull();
    expect(checkMove("SCREENED", "TESTED", null, "selection")?.code).toBe("STAGE_SKIPPED");
  });
});

describe("the pipeline's steps (pure)", () => {
  it("lists each step forward once, in order, and the stage after each", () => {
    expect(PIPELINE_STEPS).toEqual([
      ["APPLIED", "SCREENED"],
      ["SCREENED", "INVITED"],
      ["INVITED", "TESTED"],
      ["TESTED", "LAUREATE"],
      ["LAUREATE", "OFFERED"],
      ["OFFERED", "HIRED"],
    ]);
    expect(nextStage("TESTED")).toBe("LAUREATE");
    expect(nextStage("HIRED")).toBeNull();
    expect(nextStage("REJECTED")).toBeNull();
    expect(stagesFrom("LAUREATE")).toEqual(["LAUREATE", "OFFERED", "HIRED"]);
  });

  it("names the field a refusal is about: the reason for the reason rules, the target stage otherwise", () => {
    expect(checkMove("APPLIED", "REJECTED", null)?.field).toBe("reason");
    expect(checkMove("APPLIED", "SCREENED", "OTHER")?.field).toBe("reason");
    expect(checkMove("APPLIED", "TESTED", null)?.field).toBe("toStage");
    expect(checkMove("HIRED", "WITHDRAWN", null)?.field).toBe("toStage");
  });
});

describe("moving applications", () => {
  let server: TestServer;
  let keys: Keys;
  let vacancyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    keys = await createKeys(server);
    vacancyId = toGlobalId("Vacancy", (await insertVacancies(server.database.db, 1, { agencyCode: "DVZ", place: "Pijplijnstad" }))[0]);
  });
  afterAll(() => server.close());

  async function newApplication(overrides: Record<string, unknown> = {}): Promise<string> {
    const data = await server.data(SUBMIT, { input: { applications: [submission(vacancyId, overrides)] } }, { key: keys.dvz });
    return data.submitApplications.results[0].application.id;
  }

  async function move(input: Record<string, unknown>, key = keys.dvz) {
    const response = await server.gql(MOVE, { input }, { key });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.moveApplication;
  }

  /** Puts an application straight into a stage, with its events and counters, as the test-session flow would. */
  async function placeIn(applicationId: string, stages: string[]) {
    const key = fromGlobalId("Application", applicationId)!;
    await server.database.db.transaction(async (tx) => {
      let [row] = await tx.select().from(applications).where(eq(applications.id, key));
      for (const stage of stages) {
        const occurredAt = new Date(row.stageEnteredAt.getTime() + 1000);
        await recordStageMoves(tx, [
          {
            applicationId: key,
            vacancyId: row.vacancyId,
            personId: null,
            fromStage: row.stage,
            toStage: stage as never,
            reason: null,
            occurredAt,
            enteredFromAt: row.stageEnteredAt,
            appliedAt: row.submittedAt,
            actor: { clientId: null, label: "test" },
          },
        ]);
        [row] = await tx
          .update(applications)
          .set({ stage: stage as never, stageEnteredAt: occurredAt, version: row.version + 1 })
          .where(eq(applications.id, key))
          .returning();
      }
    });
  }

  test("a legal path, with an event, an actor and counters per move", async () => {
    const id = await newApplication({ submittedAt: "2026-01-05T09:00:00Z" });
    expect(await move({ applicationId: id, toStage: "SCREENED", occurredAt: "2026-01-06T10:00:00Z" })).toEqual({
      application: { id, stage: "SCREENED", version: 2, rejectionReason: null, stageEnteredAt: "2026-01-06T10:00:00.000Z" },
      userErrors: [],
    });
    await placeIn(id, ["INVITED", "TESTED", "LAUREATE"]);
    expect((await move({ applicationId: id, toStage: "OFFERED" })).application.stage).toBe("OFFERED");
    expect((await move({ applicationId: id, toStage: "HIRED", expectedVersion: 6 })).application).toMatchObject({ stage: "HIRED", version: 7 });

    const history = await server.data(
      `query($id: ID!) { application(id: $id) { history { fromStage toStage occurredAt actor { name role } } } }`,
      { id },
      { key: keys.dvz },
    );
    expect(history.application.history.map((e: any) => `${e.fromStage}>${e.toStage}`)).toEqual([
      "null>APPLIED",
      "APPLIED>SCREENED",
      "SCREENED>INVITED",
      "INVITED>TESTED",
      "TESTED>LAUREATE",
      "LAUREATE>OFFERED",
      "OFFERED>HIRED",
    ]);
    expect(history.application.history[1]).toEqual({
      fromStage: "APPLIED",
      toStage: "SCREENED",
      occurredAt: "2026-01-06T10:00:00.000Z",
      actor: { name: "AGENCY_HR DVZ test client", role: "AGENCY_HR" },
    });
    await expectCountersToMatchEvents(server.database.db);
  });

  test("an illegal move is a userError and changes nothing", async () => {
    const id = await newApplication();
    const key = fromGlobalId("Application", id)!;
    const before = await server.database.db.select().from(applications).where(eq(applications.id, key));
    const eventsBefore = await server.database.db.select().from(stageEvents).where(eq(stageEvents.applicationId, key));
    const refusals = [
      [{ toStage: "INVITED" }, "STAGE_SKIPPED", ["input", "toStage"]],
      [{ toStage: "HIRED" }, "STAGE_SKIPPED", ["input", "toStage"]],
      [{ toStage: "REJECTED" }, "REASON_REQUIRED", ["input", "reason"]],
      [{ toStage: "SCREENED", reason: "OTHER" }, "REASON_NOT_ALLOWED", ["input", "reason"]],
      [{ toStage: "SCREENED", expectedVersion: 7 }, "VERSION_CONFLICT", ["input", "expectedVersion"]],
      [{ toStage: "SCREENED", occurredAt: "2999-01-01T00:00:00Z" }, "OCCURRED_IN_FUTURE", ["input", "occurredAt"]],
      [{ toStage: "SCREENED", occurredAt: "2020-01-01T00:00:00Z" }, "OCCURRED_BEFORE_PREVIOUS_MOVE", ["input", "occurredAt"]],
    ] as const;
    for (const [input, code, field] of refusals) {
      const outcome = await move({ applicationId: id, ...input });
      expect(outcome).toEqual({ application: null, userErrors: [{ code, field, message: expect.any(String) }] });
    }
    expect(await server.database.db.select().from(applications).where(eq(applications.id, key))).toEqual(before);
    expect(await server.database.db.select().from(stageEvents).where(eq(stageEvents.applicationId, key))).toEqual(eventsBefore);
  });

  test("final stages cannot be left", async () => {
    const rejected = await newApplication();
    expect((await move({ applicationId: rejected, toStage: "REJECTED", reason: "INELIGIBLE" })).application).toMatchObject({
      stage: "REJECTED",
      rejectionReason: "INELIGIBLE",
    });
    expect((await move({ applicationId: rejected, toStage: "SCREENED" })).userErrors[0].code).toBe("FINAL_STAGE");

    const withdrawn = await newApplication();
    const withdrawal = await server.data(
      `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { application { stage version } userErrors { code } } }`,
      { input: { applicationId: withdrawn, expectedVersion: 1 } },
      { key: keys.dvz },
    );
    expect(withdrawal.withdrawApplication).toEqual({ application: { stage: "WITHDRAWN", version: 2 }, userErrors: [] });
    expect((await move({ applicationId: withdrawn, toStage: "REJECTED", reason: "OTHER" })).userErrors[0].code).toBe("FINAL_STAGE");
  });

  test("a late sync: occurredAt in the past is kept and counted on its own day", async () => {
    const id = await newApplication({ submittedAt: "2025-03-03T08:00:00Z" });
    await move({ applicationId: id, toStage: "SCREENED", occurredAt: "2025-03-10T22:30:00Z" });
    const key = fromGlobalId("Application", id)!;
    const [daily] = await selectRows<{ day: string }>(
      server.database.db,
      sql`select d.day::text from vacancy_stage_daily d join applications a on a.vacancy_id = d.vacancy_id
          where a.id = ${key} and d.stage = 'SCREENED' and d.day < '2025-12-31'`,
    );
    // 22:30 UTC on 10 March is 23:30 in Brussels (winter time): still the 10th.
    expect(daily.day).toBe("2025-03-10");
  });

  test("another agency's application reads like an unknown one", async () => {
    const id = await newApplication();
    for (const applicationId of [id, toGlobalId("Application", 99999999), "garbage"]) {
      const outcome = await move({ applicationId, toStage: "SCREENED" }, keys.cgvs);
      expect(outcome).toEqual({
        application: null,
        userErrors: [{ code: "APPLICATION_NOT_FOUND", field: ["input", "applicationId"], message: "No application of yours has this id." }],
      });
    }
    expect((await move({ applicationId: id, toStage: "SCREENED" }, keys.admin)).application.stage).toBe("SCREENED");
    const taskforce = await server.gql(MOVE, { input: { applicationId: id, toStage: "REJECTED", reason: "OTHER" } }, { key: keys.taskforce });
    expect(taskforce.body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  (onPostgres ? test : test.skip)("20 concurrent moves of one application leave a legal history and exact counters", async () => {
    const id = await newApplication({ submittedAt: "2026-02-02T08:00:00Z" });
    const attempts = [
      ...Array.from({ length: 8 }, () => ({ toStage: "SCREENED" })),
      ...Array.from({ length: 4 }, () => ({ toStage: "REJECTED", reason: "INELIGIBLE" })),
      ...Array.from({ length: 4 }, () => ({ toStage: "WITHDRAWN" })),
      ...Array.from({ length: 4 }, () => ({ toStage: "SCREENED", expectedVersion: 1 })),
    ];
    const outcomes = await Promise.all(attempts.map((input) => server.gql(MOVE, { input: { applicationId: id, ...input } }, { key: keys.dvz })));
    expect(outcomes.every((o) => o.status === 200 && !o.body.errors)).toBe(true);
    const succeeded = outcomes.filter((o) => o.body.data!.moveApplication.application);

    const history = await server.data(`query($id: ID!) { application(id: $id) { stage version history { fromStage toStage } } }`, { id }, { key: keys.dvz });
    const path = history.application.history;
    expect(path).toHaveLength(1 + succeeded.length);
    for (let i = 1; i < path.length; i++) {
      expect(path[i].fromStage).toBe(path[i - 1].toStage);
      expect(checkMove(path[i].fromStage, path[i].toStage, path[i].toStage === "REJECTED" ? "INELIGIBLE" : null)).toBeNull();
    }
    expect(history.application.version).toBe(path.length);
    expect(["REJECTED", "WITHDRAWN"]).toContain(history.application.stage);
    await expectCountersToMatchEvents(server.database.db);
  });

  (onPostgres ? test : test.skip)("concurrent batches touching the same vacancies neither deadlock nor lose counts", async () => {
    const vacancies = (await insertVacancies(server.database.db, 3, { agencyCode: "DVZ", place: "Drukstad" })).map((v) => toGlobalId("Vacancy", v));
    const batches = Array.from({ length: 8 }, (_, b) =>
      Array.from({ length: 60 }, (_, i) => submission(vacancies[(b + i) % 3], {}, { email: `druk.${i % 40}.${b % 2}@example.be` })),
    );
    const results = await Promise.all(batches.map((items) => server.gql(SUBMIT, { input: { applications: items } }, { key: keys.dvz })));
    expect(results.every((r) => !r.body.errors)).toBe(true);
    await expectCountersToMatchEvents(server.database.db);
  });
});
