import { score, validPoints, type Procedure } from "../../src/test-sessions/scoring";

/** The Asse rule: written 50 and oral 50 points; each part at least 50 %, the whole at least 60 %. */
const asse: Procedure = {
  parts: [
    { name: "Schriftelijk", maxPoints: 50, passPercent: 50 },
    { name: "Mondeling", maxPoints: 50, passPercent: 50 },
  ],
  overallPassPercent: 60,
};
const results = (written?: number, oral?: number) => {
  const map = new Map<string, number>();
  if (written !== undefined) map.set("Schriftelijk", written);
  if (oral !== undefined) map.set("Mondeling", oral);
  return map;
};

test("25/50 and 35/50 pass: exactly 60 % overall", () => {
  expect(score(asse, results(25, 35))).toEqual({
    decision: "LAUREATE",
    totalPoints: 60,
    maxPoints: 100,
    percent: 60,
    parts: [
      { name: "Schriftelijk", points: 25, maxPoints: 50, percent: 50, passPercent: 50, passed: true },
      { name: "Mondeling", points: 35, maxPoints: 50, percent: 70, passPercent: 50, passed: true },
    ],
    explanation: "Passed every part and 60/100 is 60 % overall, at least the 60 % needed.",
    overallPassPercent: 60,
  });
});

test("35/50 and 25/50 pass as well", () => {
  expect(score(asse, results(35, 25)).decision).toBe("LAUREATE");
});

test("24.5/50 fails the part at once, whatever follows", () => {
  const outcome = score(asse, results(24.5));
  expect(outcome).toMatchObject({ decision: "FAILED", explanation: 'Failed part "Schriftelijk": 24.5/50 is 49 %, below the 50 % needed for the part.' });
  expect(outcome.parts[1]).toEqual({ name: "Mondeling", points: null, maxPoints: 50, percent: null, passPercent: 50, passed: null });
});

test("26/50 and 33/50 pass both parts but fail overall: 59 %", () => {
  expect(score(asse, results(26, 33))).toMatchObject({
    decision: "FAILED",
    totalPoints: 59,
    percent: 59,
    explanation: "Passed every part, but 59/100 is 59 % overall, below the 60 % needed.",
  });
  expect(score(asse, results(33, 26)).decision).toBe("FAILED");
});

test("one part passed, the next still to come", () => {
  expect(score(asse, results(30))).toMatchObject({
    decision: "PENDING",
    totalPoints: 30,
    percent: 60,
    explanation: 'Passed every part scored so far; "Mondeling" is next.',
  });
});

test("exact at the boundary, in hundredths", () => {
  expect(score(asse, results(25, 34.99)).decision).toBe("FAILED");
  expect(score(asse, results(24.99, 35.01)).decision).toBe("FAILED");
  expect(score(asse, results(50, 10)).decision).toBe("FAILED");
  expect(score(asse, results(50, 25)).decision).toBe("LAUREATE");
  const thirds: Procedure = { parts: [{ name: "A", maxPoints: 3, passPercent: 33.33 }], overallPassPercent: 0 };
  expect(score(thirds, new Map([["A", 1]])).decision).toBe("LAUREATE");
  expect(score(thirds, new Map([["A", 0.99]])).decision).toBe("FAILED");
});

test("valid points: 0 to the maximum, in hundredths", () => {
  const part = asse.parts[0];
  expect([0, 24.5, 50, 12.34].map((p) => validPoints(p, part))).toEqual([true, true, true, true]);
  expect([-1, 50.01, 12.345, Number.NaN, Number.POSITIVE_INFINITY].map((p) => validPoints(p, part))).toEqual([false, false, false, false, false]);
});
