import { inArray } from "drizzle-orm";
import { toGlobalId } from "../../src/common/global-id";
import { examParts } from "../../src/db/tables";
import { fits, matchSeats, maxFlow, type FreeSession, type WaitingVacancy } from "../../src/test-sessions/seat-matching";
import { createKeys, MOVE, submission, SUBMIT } from "../helpers/clients";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { startTestServer } from "../helpers/test-server";

/** The Saturday planning matches waiting applicants to seats by test kind, language and the vacancies a session tests. */

const session = (o: Partial<FreeSession> & Pick<FreeSession, "kind" | "language" | "freeSeats" | "vacancyIds">): FreeSession => ({
  saturday: true,
  capacity: 40,
  ...o,
});
const vacancy = (o: Partial<WaitingVacancy> & Pick<WaitingVacancy, "vacancyId" | "kinds" | "waiting">): WaitingVacancy => ({ languageRegime: "NL", ...o });

describe("seat matching (pure)", () => {
  test.each([
    ["NL", "NL", true],
    ["NL", "FR", false],
    ["FR", "FR", true],
    ["DE", "DE", true],
    ["BILINGUAL", "NL", true],
    ["BILINGUAL", "FR", true],
    ["BILINGUAL", "DE", false],
    ["NL", "EN", false],
  ] as const)("a %s vacancy's applicant fits a %s seat: %s", (regime, language, expected) => {
    expect(fits(regime, language)).toBe(expected);
  });

  test("computer-test seats do not absorb a backlog whose procedure has no computer test", () => {
    const needs = matchSeats(
      [vacancy({ vacancyId: 1, kinds: ["WRITTEN", "ORAL"], waiting: 50 })],
      [
        session({ kind: "COMPUTER_TEST", language: "NL", freeSeats: 200, vacancyIds: [1] }),
        session({ kind: "WRITTEN", language: "NL", freeSeats: 30, vacancyIds: [1] }),
      ],
    );
    expect(needs).toEqual([
      { kind: "COMPUTER_TEST", language: "NL", waiting: 0, freeSeats: 200, seated: 0, shortfall: 0, averageSaturdayCapacity: 40, extraSaturdaySessions: 0 },
      { kind: "WRITTEN", language: "NL", waiting: 50, freeSeats: 30, seated: 30, shortfall: 20, averageSaturdayCapacity: 40, extraSaturdaySessions: 1 },
      // No oral session yet: Selor's usual room of 60.
      { kind: "ORAL", language: "NL", waiting: 50, freeSeats: 0, seated: 0, shortfall: 50, averageSaturdayCapacity: 60, extraSaturdaySessions: 1 },
    ]);
  });

  test("Dutch seats do not absorb French applicants; bilingual ones take either", () => {
    const needs = matchSeats(
      [
        vacancy({ vacancyId: 1, kinds: ["WRITTEN"], waiting: 30, languageRegime: "FR" }),
        vacancy({ vacancyId: 2, kinds: ["WRITTEN"], waiting: 10, languageRegime: "NL" }),
        vacancy({ vacancyId: 3, kinds: ["WRITTEN"], waiting: 25, languageRegime: "BILINGUAL" }),
      ],
      [
        session({ kind: "WRITTEN", language: "NL", freeSeats: 40, vacancyIds: [1, 2, 3] }),
        session({ kind: "WRITTEN", language: "FR", freeSeats: 10, vacancyIds: [1, 2, 3], capacity: 20 }),
      ],
    );
    expect(needs.map((n) => [n.language, n.waiting, n.seated, n.shortfall, n.extraSaturdaySessions])).toEqual([
      // 10 Dutch and 25 bilingual in the 40 Dutch seats; 10 of 30 French in the French seats: 20 French need one more session of 20.
      ["NL", 35, 35, 0, 0],
      ["FR", 30, 10, 20, 1],
    ]);
  });

  test("a seat only takes applicants of the vacancies its session tests", () => {
    const needs = matchSeats(
      [vacancy({ vacancyId: 1, kinds: ["WRITTEN"], waiting: 10 }), vacancy({ vacancyId: 2, kinds: ["WRITTEN"], waiting: 10 })],
      [session({ kind: "WRITTEN", language: "NL", freeSeats: 20, vacancyIds: [1] })],
    );
    expect(needs).toEqual([
      { kind: "WRITTEN", language: "NL", waiting: 20, freeSeats: 20, seated: 10, shortfall: 10, averageSaturdayCapacity: 40, extraSaturdaySessions: 1 },
    ]);
  });

  test("bilingual applicants left over fill the room of extra sessions already needed, French first", () => {
    const needs = matchSeats(
      [
        vacancy({ vacancyId: 1, kinds: ["ORAL"], waiting: 30, languageRegime: "FR" }),
        vacancy({ vacancyId: 2, kinds: ["ORAL"], waiting: 15, languageRegime: "BILINGUAL" }),
      ],
      [],
    );
    // 30 French need one session of 60, which has room for the 15 bilingual ones.
    expect(needs.map((n) => [n.language, n.shortfall, n.extraSaturdaySessions])).toEqual([["FR", 45, 1]]);
  });

  test("maximum flow: a greedy first choice would seat fewer", () => {
    // Demand 0 can use supply 0 or 1; demand 1 only supply 0. The maximum seats both.
    const flow = maxFlow([1, 1], [1, 1], (d, s) => d === 0 || s === 0);
    expect([...flow.values()].reduce((a, b) => a + b, 0)).toBe(2);
    expect(flow.get("1:0")).toBe(1);
  });
});

describe("testSessionPlanning's needs, through the API", () => {
  test("per test kind and language, from each vacancy's procedure", async () => {
    const server = await startTestServer();
    try {
      const keys = await createKeys(server);
      const db = server.database.db;
      const [nl, fr] = await insertVacancies(db, 2, (i) => ({ agencyCode: "DVZ", languageRegime: i === 0 ? "NL" : "FR", place: "Planstad" }));
      // The Dutch vacancy: a written and an oral part; the French one: a computer test and an oral part.
      await db.delete(examParts).where(inArray(examParts.vacancyId, [nl, fr]));
      await db.insert(examParts).values([
        { vacancyId: nl, position: 1, name: "Schriftelijk", maxPoints: 50, kind: "WRITTEN" },
        { vacancyId: nl, position: 2, name: "Mondeling", maxPoints: 50, kind: "ORAL" },
        { vacancyId: fr, position: 1, name: "Computertest", maxPoints: 40, kind: "COMPUTER_TEST" },
        { vacancyId: fr, position: 2, name: "Oral", maxPoints: 50, kind: "ORAL" },
      ]);
      const push = async (vacancyKey: number, n: number) => {
        const created = await server.data(
          SUBMIT,
          { input: { applications: Array.from({ length: n }, () => submission(toGlobalId("Vacancy", vacancyKey))) } },
          { key: keys.dvz },
        );
        for (const r of created.submitApplications.results)
          await server.data(MOVE, { input: { applicationId: r.application.id, toStage: "SCREENED" } }, { key: keys.dvz });
      };
      await push(nl, 12);
      await push(fr, 8);
      // Saturday 12 January 2030: a Dutch computer test for both vacancies (which the Dutch procedure does not have),
      // a Dutch written session of 10 and a French oral one of 5.
      await insertTestSession(db, [nl, fr], { startsAt: new Date("2030-01-12T08:00:00Z"), kind: "COMPUTER_TEST", language: "NL", capacity: 100 });
      await insertTestSession(db, [nl], { startsAt: new Date("2030-01-12T08:00:00Z"), kind: "WRITTEN", language: "NL", capacity: 10 });
      await insertTestSession(db, [fr], { startsAt: new Date("2030-01-12T13:00:00Z"), kind: "ORAL", language: "FR", capacity: 5 });

      const plan = await server.data(
        `query { testSessionPlanning(from: "2030-01-07", to: "2030-01-20") { backlog { screenedWaiting shortfall extraSaturdaySessionsNeeded
           needs { kind language waiting freeSeats seated shortfall averageSaturdayCapacity extraSaturdaySessions } } } }`,
        {},
        { key: keys.taskforce },
      );
      expect(plan.testSessionPlanning.backlog).toEqual({
        screenedWaiting: 20,
        shortfall: 8 + 2 + 12 + 3,
        extraSaturdaySessionsNeeded: 1 + 1 + 3 + 1,
        needs: [
          // Dutch computer-test seats cannot take the French applicants, and the Dutch procedure has no computer test.
          {
            kind: "COMPUTER_TEST",
            language: "NL",
            waiting: 0,
            freeSeats: 100,
            seated: 0,
            shortfall: 0,
            averageSaturdayCapacity: 100,
            extraSaturdaySessions: 0,
          },
          { kind: "COMPUTER_TEST", language: "FR", waiting: 8, freeSeats: 0, seated: 0, shortfall: 8, averageSaturdayCapacity: 100, extraSaturdaySessions: 1 },
          { kind: "WRITTEN", language: "NL", waiting: 12, freeSeats: 10, seated: 10, shortfall: 2, averageSaturdayCapacity: 10, extraSaturdaySessions: 1 },
          { kind: "ORAL", language: "NL", waiting: 12, freeSeats: 0, seated: 0, shortfall: 12, averageSaturdayCapacity: 5, extraSaturdaySessions: 3 },
          { kind: "ORAL", language: "FR", waiting: 8, freeSeats: 5, seated: 5, shortfall: 3, averageSaturdayCapacity: 5, extraSaturdaySessions: 1 },
        ],
      });
    } finally {
      await server.close();
    }
  });
});
