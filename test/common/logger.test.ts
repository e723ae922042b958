import { createLogger, REDACTED } from "../../src/common/logger";
import { runInRequestScope } from "../../src/common/request-scope";

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

test("one JSON object a line: time, level, message, the request's ids and the caller's fields", () => {
  const { lines, logger } = capture("info");
  runInRequestScope({ requestId: "req-1", correlationId: "their-7", statements: 0 }, () => logger.info("moved", { applicationId: 12, count: 3 }));
  logger.warn("outside a request");
  expect(lines).toHaveLength(2);
  const { time, ...rest } = lines[0];
  expect(new Date(time as string).toISOString()).toBe(time);
  expect(rest).toEqual({ level: "info", msg: "moved", requestId: "req-1", correlationId: "their-7", applicationId: 12, count: 3 });
  expect(Object.keys(lines[1]).sort()).toEqual(["level", "msg", "time"]);
});

test.each([
  ["debug", ["debug", "info", "warn", "error"]],
  ["info", ["info", "warn", "error"]],
  ["warn", ["warn", "error"]],
  ["error", ["error"]],
  ["silent", []],
] as const)("at level %s it writes %j", (level, written) => {
  const { lines, logger } = capture(level);
  logger.debug("d");
  logger.info("i");
  logger.warn("w");
  logger.error("e");
  expect(lines.map((l) => l.level)).toEqual(written);
});

test("a candidate's personal data and keys are redacted, at the top of a line and one level down", () => {
  const { lines, logger } = capture("info");
  logger.error("slipped", {
    email: "griselda@example.be",
    candidate: { firstName: "Griselda", lastName: "Vanderlog", phone: "+32 470 99 88 77", birthDate: "1977-07-07", id: 5 },
    apiKey: "amr_secret",
  });
  expect(lines[0]).toMatchObject({
    email: REDACTED,
    apiKey: REDACTED,
    candidate: { firstName: REDACTED, lastName: REDACTED, phone: REDACTED, birthDate: REDACTED, id: 5 },
  });
});
