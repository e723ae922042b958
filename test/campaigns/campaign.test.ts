import { addDays, brusselsDate } from "../../src/common/brussels-time";
import { calendarShift } from "../../src/seeding/seed-campaign";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** The seed's 2021 calendar as loaded today: every date moved by the same whole number of weeks. */
const shifted = (date: string) => addDays(date, calendarShift("2021-10-18", brusselsDate(new Date())));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test("the seeded campaign shows its target, waves and agencies", async () => {
  const data = await server.data(`{
    campaign(slug: "asiel-migratie-2021") {
      slug name targetHeadcount hiredCount openVacancyCount openPostCount startsOn siteUrl
      waves { number opensOn name }
      agencies { code name(lang: EN) }
    }
  }`);
  expect(data.campaign).toEqual({
    slug: "asiel-migratie-2021",
    name: "Werken bij asiel en migratie 2021",
    targetHeadcount: 700,
    hiredCount: 0,
    openVacancyCount: 34,
    openPostCount: 655,
    startsOn: shifted("2021-06-14"),
    siteUrl: "https://werkenbijasielenmigratie.be",
    waves: [
      { number: 1, opensOn: shifted("2021-06-14"), name: "Golf 1" },
      { number: 2, opensOn: shifted("2021-07-16"), name: "Golf 2" },
      { number: 3, opensOn: shifted("2021-10-04"), name: "Golf 3" },
    ],
    agencies: [
      { code: "DVZ", name: "Immigration Office" },
      { code: "CGVS", name: "Office of the Commissioner General for Refugees and Stateless Persons" },
      { code: "RVV", name: "Council for Alien Law Litigation" },
      { code: "FEDASIL", name: "Federal Agency for the Reception of Asylum Seekers" },
    ],
  });
});
