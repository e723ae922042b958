import { sql } from "drizzle-orm";
import { PreparedStatements, StatementValues } from "../../src/db/prepared-statements";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let test_: TestDatabase;

beforeAll(async () => {
  test_ = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await test_.drop();
});

/** A statement over a list of numbers, as a list's conditions are built: its length and a flag shape the text. */
function statement(numbers: number[], above: boolean, p: StatementValues) {
  const values = p.list("n", numbers);
  if (above) p.mark("above");
  const list = sql.join(
    values.map((v) => sql`(${v}::int)`),
    sql`, `,
  );
  return sql`select x from (values ${list}) as t(x) where ${above ? sql`x > 1` : sql`true`} order by x`;
}

describe("PreparedStatements", () => {
  test("one text per shape, filled with each request's values", async () => {
    const statements = new PreparedStatements(test_.database.db, "test");
    const run = async (numbers: number[], above: boolean) => {
      const p = StatementValues.prepared();
      const built = statement(numbers, above, p);
      return (await statements.rows<{ x: number }>(p.key, () => built, p.values)).map((r) => r.x);
    };
    expect(await run([3, 1, 2], false)).toEqual([1, 2, 3]);
    expect(await run([5, 4, 6], false)).toEqual([4, 5, 6]);
    expect(await run([1, 2], true)).toEqual([2]);
    expect(await run([7], false)).toEqual([7]);
  });

  test("under test, a kept text that the code would now build differently is refused (a branch missing from the key)", async () => {
    const statements = new PreparedStatements(test_.database.db, "test_mismatch");
    const run = (above: boolean) => {
      const p = StatementValues.prepared();
      statement([1, 2], false, p);
      return statements.rows("same key", () => statement([1, 2], above, StatementValues.prepared()), p.values);
    };
    expect(await run(false)).toEqual([{ x: 1 }, { x: 2 }]);
    await expect(run(true)).rejects.toThrow(/the kept text differs from the text built now/);
  });

  test("inline values are drizzle's parameters, with no key", () => {
    const p = StatementValues.inline();
    expect([p.value("n", 4), p.list("n", [1, 2]), p.key]).toEqual([4, [1, 2], ""]);
  });
});
