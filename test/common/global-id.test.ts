import { fromGlobalId, NODE_TYPES, parseGlobalId, toGlobalId } from "../../src/common/global-id";

const raw = (text: string) => Buffer.from(text, "utf8").toString("base64url");

test.each([
  ["Vacancy", 1, "VmFjYW5jeTox"],
  ["Application", 2_147_483_647, raw("Application:2147483647")],
  ["AuditEntry", Number.MAX_SAFE_INTEGER, raw(`AuditEntry:${Number.MAX_SAFE_INTEGER}`)],
] as const)("toGlobalId(%s, %i) is base64url of Type:key and reads back", (type, key, id) => {
  expect(toGlobalId(type, key)).toBe(id);
  expect(fromGlobalId(type, id)).toBe(key);
  expect(parseGlobalId(id)).toEqual({ type, key });
});

test("an id written again is the same, by number or by text, however many ids came between", () => {
  expect(toGlobalId("TestSession", 12)).toBe(raw("TestSession:12"));
  expect(toGlobalId("TestSession", "12")).toBe(raw("TestSession:12"));
  for (let key = 1; key <= 10_001; key++) toGlobalId("TestSession", 100 + key);
  expect(toGlobalId("TestSession", 12)).toBe(raw("TestSession:12"));
  expect(toGlobalId("Vacancy", 12)).toBe(raw("Vacancy:12"));
  expect(toGlobalId("TestSession", 10_101)).toBe(raw("TestSession:10101"));
});

test("every node type reads back its own ids", () => {
  for (const type of NODE_TYPES) expect([type, parseGlobalId(toGlobalId(type, 7))]).toEqual([type, { type, key: 7 }]);
});

test.each([
  ["empty", ""],
  ["not base64url", "Vacancy:1"],
  ["over 64 characters", raw(`Vacancy:1${" ".repeat(60)}`)],
  ["no separator", raw("Vacancy1")],
  ["another type", toGlobalId("Campaign", 1)],
  ["key 0", raw("Vacancy:0")],
  ["a leading zero", raw("Vacancy:01")],
  ["a negative key", raw("Vacancy:-1")],
  ["a decimal key", raw("Vacancy:1.5")],
  ["a key past 32 bits", raw("Vacancy:2147483648")],
  ["an empty key", raw("Vacancy:")],
  ["a key with a space", raw("Vacancy: 1")],
])("fromGlobalId(Vacancy, …) is null for %s", (_name, id) => {
  expect(fromGlobalId("Vacancy", id)).toBeNull();
});

test.each([
  ["a 64-bit key of a wide type", raw("Event:4294967296"), { type: "Event", key: 4294967296 }],
  ["a 64-bit key of a 32-bit type", raw("Vacancy:4294967296"), null],
  ["a key past 2^53 of a wide type", raw("Event:9007199254740993"), null],
  ["an unknown type", raw("Secret:1"), null],
  ["no type", raw(":1"), null],
  ["malformed", "%%%", null],
])("parseGlobalId: %s", (_name, id, parsed) => {
  expect(parseGlobalId(id)).toEqual(parsed);
});
