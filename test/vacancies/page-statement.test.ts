import { toGlobalId } from "../../src/common/global-id";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { insertTestSession, insertVacancies } from "../helpers/factories";

/**
 * A page of vacancies reads its total and its vacancies' upcoming sessions in the page's own statement when the
 * query selects them (src/vacancies/vacancy.resolver.ts, pageIncludes): one statement for a page of cards, with the
 * same answers as the loaders give.
 */
let server: TestServer;
const DAY = 86_400_000;
let ids: number[];
let sessions: { soon: number; later: number; latest: number };
const at = (days: number) => new Date(Date.UTC(2031, 0, 6, 9) + days * DAY);

beforeAll(async () => {
  server = await startTestServer();
  // Three vacancies of their own place: A has three upcoming sessions, B one, C none (only a cancelled and a past one).
  ids = await insertVacancies(server.database.db, 3, (i) => ({ place: "Eenstatementstad", title: { nl: `Kaart ${"ABC"[i]}` } }));
  const [a, b, c] = ids;
  sessions = {
    soon: await insertTestSession(server.database.db, [a, b], { startsAt: at(1), capacity: 30, seatsTaken: 12 }),
    later: await insertTestSession(server.database.db, [a], { startsAt: at(2), capacity: 20, seatsTaken: 20 }),
    latest: await insertTestSession(server.database.db, [a], { startsAt: at(3), capacity: 10 }),
  };
  await insertTestSession(server.database.db, [c], { startsAt: at(1), status: "CANCELLED" });
  await insertTestSession(server.database.db, [c], { startsAt: new Date(Date.now() - DAY) });
  // The reference data held in memory for anonymous readers is loaded by a first read (test/vacancies/reference-data.test.ts).
  await server.gql(`{ vacancies(first: 1) { edges { node { agency { code } wave { number } jobProfile { title } } } } }`);
});
afterAll(() => server.close());

const filter = { places: ["Eenstatementstad"] };
const session = (key: number, startsAt: Date, seatsLeft: number) => ({ id: toGlobalId("TestSession", key), startsAt: startsAt.toISOString(), seatsLeft });

test("a page of cards with its total and each vacancy's upcoming sessions is one statement, with exact values", async () => {
  const response = await server.gql(
    `query($filter: VacancyFilter) {
      vacancies(filter: $filter, first: 10, orderBy: { field: HEADCOUNT_TARGET, direction: ASC }) {
        totalCount
        edges { node { title upcomingTestSessions(first: 2) { id startsAt seatsLeft } } }
      }
    }`,
    { filter },
  );
  expect(response.body.errors).toBeUndefined();
  const byTitle = Object.fromEntries(response.body.data!.vacancies.edges.map((e: any) => [e.node.title, e.node.upcomingTestSessions]));
  expect(response.body.data!.vacancies.totalCount).toBe(3);
  expect(byTitle).toEqual({
    "Kaart A": [session(sessions.soon, at(1), 18), session(sessions.later, at(2), 0)],
    "Kaart B": [session(sessions.soon, at(1), 18)],
    "Kaart C": [],
  });
  expect(response.statements).toBe(1);
});

test("the same sessions as one vacancy's own read, through fragments and a variable `first`, on a campaign's list too", async () => {
  const query = `query($filter: VacancyFilter, $n: Int!) {
    campaign { vacancies(filter: $filter, first: 10) { edges { node { ...Card } } } }
  }
  fragment Card on Vacancy { id upcomingTestSessions(first: $n) { id startsAt } }`;
  const response = await server.gql(query, { filter, n: 5 });
  expect(response.body.errors).toBeUndefined();
  // The campaign, then its page with the sessions.
  expect(response.statements).toBe(2);
  for (const edge of response.body.data!.campaign.vacancies.edges) {
    const own = await server.gql(`query($id: ID!) { vacancy(id: $id) { upcomingTestSessions(first: 5) { id startsAt } } }`, { id: edge.node.id });
    expect(edge.node.upcomingTestSessions).toEqual(own.body.data!.vacancy.upcomingTestSessions);
  }
  const a = response.body.data!.campaign.vacancies.edges.find((e: any) => e.node.id === toGlobalId("Vacancy", ids[0]));
  expect(a.node.upcomingTestSessions.map((s: any) => s.id)).toEqual([sessions.soon, sessions.later, sessions.latest].map((k) => toGlobalId("TestSession", k)));
});

test("two different `first`s under one page are each read by their loader, with the right sessions", async () => {
  const response = await server.gql(
    `query($filter: VacancyFilter) {
      vacancies(filter: $filter, first: 10) { edges { node { title one: upcomingTestSessions(first: 1) { id } all: upcomingTestSessions { id } } } }
    }`,
    { filter },
  );
  expect(response.body.errors).toBeUndefined();
  const a = response.body.data!.vacancies.edges.find((e: any) => e.node.title === "Kaart A").node;
  expect(a.one).toEqual([{ id: toGlobalId("TestSession", sessions.soon) }]);
  expect(a.all).toHaveLength(3);
  // The page, then one statement per `first`.
  expect(response.statements).toBe(3);
});

test("sessions skipped by @skip or not selected are not read", async () => {
  const query = `query($filter: VacancyFilter, $skip: Boolean!) {
    vacancies(filter: $filter, first: 10) { edges { node { title upcomingTestSessions @skip(if: $skip) { id } } } }
  }`;
  const skipped = await server.gql(query, { filter, skip: true });
  expect(skipped.body.errors).toBeUndefined();
  expect(skipped.body.data!.vacancies.edges.map((e: any) => e.node)).toEqual([{ title: "Kaart C" }, { title: "Kaart B" }, { title: "Kaart A" }]);
  expect(skipped.statements).toBe(1);
  const shown = await server.gql(query, { filter, skip: false });
  expect(shown.body.data!.vacancies.edges.map((e: any) => e.node.upcomingTestSessions.length)).toEqual([0, 1, 3]);
  expect(shown.statements).toBe(1);
});

test("an out-of-range `first` is refused on the vacancy's field, as before", async () => {
  const response = await server.gql(
    `query($filter: VacancyFilter) { vacancies(filter: $filter, first: 1) { totalCount edges { node { title upcomingTestSessions(first: 101) { id } } } } }`,
    { filter },
  );
  expect(response.status).toBe(200);
  // Every level above is non-null, so the refused field takes the page with it (as it did when each vacancy asked its loader).
  expect(response.body.data).toBeNull();
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0]).toMatchObject({
    path: ["vacancies", "edges", 0, "node", "upcomingTestSessions"],
    extensions: { code: "BAD_USER_INPUT" },
  });
});
