import { sql } from "drizzle-orm";
import { Role } from "../../src/auth/role";
import { selectRows } from "../../src/db/client";
import { mayRead, readableBy, type Reader } from "../../src/events/audience";
import { ALL_EVENT_TYPES, audienceOf, possibleAudiences, typeOfWire, wireName, type Audience } from "../../src/events/event-types";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { AgencyCode } from "../../src/agencies/agency.type";

const READERS: [string, Reader][] = [
  ["anonymous", { role: null, agencyCode: null }],
  ["DVZ HR", { role: Role.AGENCY_HR, agencyCode: AgencyCode.DVZ }],
  ["taskforce", { role: Role.TASKFORCE, agencyCode: null }],
  ["admin", { role: Role.ADMIN, agencyCode: null }],
];

const EVENTS: [string, { audience: Audience; agencyCode: AgencyCode | null }][] = [
  ["DVZ application", { audience: "PERSONAL", agencyCode: AgencyCode.DVZ }],
  ["CGVS application", { audience: "PERSONAL", agencyCode: AgencyCode.CGVS }],
  ["DVZ draft vacancy", { audience: "INTERNAL", agencyCode: AgencyCode.DVZ }],
  ["CGVS draft vacancy", { audience: "INTERNAL", agencyCode: AgencyCode.CGVS }],
  ["weekly report", { audience: "INTERNAL", agencyCode: null }],
  ["published vacancy", { audience: "PUBLIC", agencyCode: AgencyCode.CGVS }],
  ["test session", { audience: "PUBLIC", agencyCode: null }],
];

// reader -> events it reads, in EVENTS order
const EXPECTED: Record<string, string[]> = {
  anonymous: ["published vacancy", "test session"],
  "DVZ HR": ["DVZ application", "DVZ draft vacancy", "published vacancy", "test session"],
  taskforce: ["DVZ draft vacancy", "CGVS draft vacancy", "weekly report", "published vacancy", "test session"],
  admin: EVENTS.map(([name]) => name),
};

describe("who reads which event", () => {
  test.each(READERS)("%s", (name, reader) => {
    expect(EVENTS.filter(([, event]) => mayRead(reader, event)).map(([n]) => n)).toEqual(EXPECTED[name]);
  });

  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  test("the SQL form of the rule agrees with the function on every pair", async () => {
    for (const [readerName, reader] of READERS) {
      for (const [eventName, event] of EVENTS) {
        const [row] = await selectRows<{ visible: boolean }>(
          db.database.db,
          sql`select ${readableBy(sql`${reader.role}::text`, sql`${reader.agencyCode}::text`, {
            audience: sql`${event.audience}::text`,
            agencyCode: sql`${event.agencyCode}::text`,
          })} as visible`,
        );
        expect([readerName, eventName, row.visible ?? false]).toEqual([readerName, eventName, mayRead(reader, event)]);
      }
    }
  });
});

describe("event types", () => {
  test("each has a dotted wire name that maps back to it", () => {
    for (const type of ALL_EVENT_TYPES) {
      expect(wireName(type)).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(typeOfWire(wireName(type))).toBe(type);
    }
    expect(typeOfWire("application.exploded")).toBeNull();
  });

  test.each([
    ["APPLICATION_MOVED", true, "PERSONAL", ["PERSONAL"]],
    ["VACANCY_PUBLISHED", true, "PUBLIC", ["PUBLIC"]],
    ["VACANCY_UPDATED", false, "INTERNAL", ["PUBLIC", "INTERNAL"]],
    ["VACANCY_UPDATED", true, "PUBLIC", ["PUBLIC", "INTERNAL"]],
    ["VACANCY_CLOSED", false, "INTERNAL", ["PUBLIC", "INTERNAL"]],
    ["TEST_SESSION_CANCELLED", true, "PUBLIC", ["PUBLIC"]],
    ["WEEKLY_REPORT_FROZEN", true, "INTERNAL", ["INTERNAL"]],
  ] as const)("%s (subject public: %s) is %s", (type, subjectIsPublic, audience, possible) => {
    expect(audienceOf(type as never, subjectIsPublic)).toBe(audience);
    expect(possibleAudiences(type as never)).toEqual(possible);
  });
});
