import { toGlobalId } from "../../src/common/global-id";
import { insertTestSession, insertVacancies } from "../helpers/factories";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SESSIONS = `query($filter: TestSessionFilter, $first: Int, $after: String) {
  testSessions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind startsAt endsAt date isoWeek isSaturday place language capacity seatsLeft status vacancies { place } } }
  }
}`;

test("the seeded campaign has upcoming sessions on weekdays and Saturdays", async () => {
  const data = await server.data(SESSIONS, { filter: { campaignSlug: "asiel-migratie-2021" }, first: 100 });
  expect(data.testSessions.totalCount).toBe(13);
  const days = new Set(data.testSessions.edges.map((e: any) => e.node.isSaturday));
  expect(days).toEqual(new Set([true, false]));
});

test("Saturday and the ISO week are Brussels time: 23:30 UTC on a summer Friday is Saturday", async () => {
  const [vacancyId] = await insertVacancies(server.database.db, 1, { place: "Zaterdagstad" });
  // 2 July 2027 is a Friday; 23:30 UTC is 01:30 on Saturday 3 July in Brussels (UTC+2).
  const sessionId = await insertTestSession(server.database.db, [vacancyId], {
    startsAt: new Date("2027-07-02T23:30:00Z"),
    capacity: 25,
    seatsTaken: 4,
    place: "Selor Zaterdag",
  });
  // 2 January 2027 is a Saturday; 23:30 UTC is already Sunday 00:30 in Brussels (UTC+1).
  await insertTestSession(server.database.db, [vacancyId], { startsAt: new Date("2027-01-02T23:30:00Z"), place: "Selor Zondag" });

  const data = await server.data(SESSIONS, { filter: { vacancyIds: [toGlobalId("Vacancy", vacancyId)] } });
  expect(data.testSessions.edges.map((e: any) => e.node)).toEqual([
    {
      id: expect.any(String),
      kind: "COMPUTER_TEST",
      startsAt: "2027-01-02T23:30:00.000Z",
      endsAt: "2027-01-03T01:30:00.000Z",
      date: "2027-01-03",
      isoWeek: "2026-W53",
      isSaturday: false,
      place: "Selor Zondag",
      language: "NL",
      capacity: 30,
      seatsLeft: 30,
      status: "SCHEDULED",
      vacancies: [{ place: "Zaterdagstad" }],
    },
    {
      id: toGlobalId("TestSession", sessionId),
      kind: "COMPUTER_TEST",
      startsAt: "2027-07-02T23:30:00.000Z",
      endsAt: "2027-07-03T01:30:00.000Z",
      date: "2027-07-03",
      isoWeek: "2027-W26",
      isSaturday: true,
      place: "Selor Zaterdag",
      language: "NL",
      capacity: 25,
      seatsLeft: 21,
      status: "SCHEDULED",
      vacancies: [{ place: "Zaterdagstad" }],
    },
  ]);
  const saturdays = await server.data(SESSIONS, { filter: { vacancyIds: [toGlobalId("Vacancy", vacancyId)], onSaturday: true } });
  expect(saturdays.testSessions.edges.map((e: any) => e.node.place)).toEqual(["Selor Zaterdag"]);
  const weekdays = await server.data(SESSIONS, { filter: { vacancyIds: [toGlobalId("Vacancy", vacancyId)], onSaturday: false } });
  expect(weekdays.testSessions.edges.map((e: any) => e.node.place)).toEqual(["Selor Zondag"]);
});

test("past and cancelled sessions are left out unless asked for; drafts' links stay hidden", async () => {
  const [open] = await insertVacancies(server.database.db, 1, { place: "Filterstad" });
  const [draft] = await insertVacancies(server.database.db, 1, { place: "Geheimstad", status: "DRAFT" });
  await insertTestSession(server.database.db, [open, draft], { startsAt: new Date(Date.now() + 86_400_000), place: "Toekomst" });
  await insertTestSession(server.database.db, [open], { startsAt: new Date(Date.now() - 86_400_000), place: "Verleden" });
  await insertTestSession(server.database.db, [open], { startsAt: new Date(Date.now() + 86_400_000), place: "Afgelast", status: "CANCELLED" });
  const filter = { vacancyIds: [toGlobalId("Vacancy", open)] };

  const upcoming = await server.data(SESSIONS, { filter });
  expect(upcoming.testSessions.edges.map((e: any) => [e.node.place, e.node.vacancies])).toEqual([["Toekomst", [{ place: "Filterstad" }]]]);
  const everything = await server.data(SESSIONS, { filter: { ...filter, from: "2020-01-01T00:00:00Z", includeCancelled: true } });
  expect(everything.testSessions.edges.map((e: any) => [e.node.place, e.node.seatsLeft])).toEqual([
    ["Verleden", 30],
    ["Toekomst", 30],
    ["Afgelast", 0],
  ]);
});

test("bad input: a malformed vacancy id or cursor, first over 100", async () => {
  for (const [variables, message] of [
    [{ filter: { vacancyIds: ["x"] } }, 'filter.vacancyIds[0]: "x" is not a vacancy id.'],
    [{ after: "eyJ4Ijp0cnVlfQ" }, '"after" is not a cursor of this list: pass an edge\'s cursor or pageInfo.endCursor from the same list.'],
    [{ first: 1000 }, '"first" must be between 0 and 100, got 1000.'],
  ] as const) {
    const response = await server.gql(SESSIONS, variables);
    expect(response.body).toEqual({
      data: null,
      errors: [expect.objectContaining({ message, extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) })],
    });
  }
});

test("a page of sessions with their vacancies costs three statements, however many sessions and vacancies it holds", async () => {
  const ids = await insertVacancies(server.database.db, 30, { place: "Sessiestad" });
  const place = "Selor Telsessie";
  for (let s = 0; s < 12; s++) {
    await insertTestSession(
      server.database.db,
      ids.filter((_, i) => i % 12 <= s),
      { startsAt: new Date(Date.now() + (s + 1) * 86_400_000), place },
    );
  }
  const vacancyIds = [toGlobalId("Vacancy", ids[0])];
  const small = await server.gql(SESSIONS, { filter: { vacancyIds }, first: 2 });
  const large = await server.gql(SESSIONS, { filter: { vacancyIds }, first: 12 });
  expect([small.body.errors, large.body.errors]).toEqual([undefined, undefined]);
  const nodes = large.body.data!.testSessions.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(12);
  // The s-th session tests the vacancies whose index i has i % 12 <= s (residues 0 to 5 come thrice in 30, 6 to 11 twice).
  expect(nodes.map((n: any) => n.vacancies.length)).toEqual([3, 6, 9, 12, 15, 18, 20, 22, 24, 26, 28, 30]);
  expect(nodes.every((n: any) => n.vacancies.every((v: any) => v.place === "Sessiestad"))).toBe(true);
  // The page, its count, and the vacancies of its sessions joined to their links.
  expect([small.statements, large.statements]).toEqual([3, 3]);
});
