import { sql } from "drizzle-orm";
import { runInRequestScope, type RequestScope } from "../../src/common/request-scope";
import { selectRows } from "../../src/db/client";
import { atCommit, withCommitHook, type CommitHook } from "../../src/db/commit-hooks";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let test_: TestDatabase;

beforeAll(async () => {
  test_ = await createTestDatabase({ migrate: false });
  await test_.database.db.execute(
    sql`create table commit_probe (id serial primary key, run text not null, label text not null, amount int not null check (amount >= 0))`,
  );
});
afterAll(async () => {
  await test_.drop();
});

let runs = 0;
/** Each test's own rows. */
const newRun = () => `run${++runs}`;
const insert = (run: string, label: string, amount = 1) => sql`insert into commit_probe (run, label, amount) values (${run}, ${label}, ${amount})`;
const labels = async (run: string, executor = test_.database.db) =>
  (await selectRows<{ label: string }>(executor, sql`select label from commit_probe where run = ${run} order by id`)).map((r) => r.label);

describe("atCommit: statements on shared rows, run last", () => {
  test("run after everything else, the commit hook's statement included, in call order, and unseen before the commit", async () => {
    const { db } = test_.database;
    const run = newRun();
    const hook: CommitHook = {
      beforeCommit: async (tx) => void (await tx.execute(insert(run, "audit line"))),
      committed: () => {},
    };
    let seenInside: string[] = [];
    await withCommitHook(hook, () =>
      db.transaction(async (tx) => {
        await atCommit(tx, insert(run, "counter 1"));
        await tx.execute(insert(run, "body"));
        await atCommit(tx, insert(run, "counter 2"));
        seenInside = await labels(run, tx);
      }),
    );
    expect(seenInside).toEqual(["body"]);
    expect(await labels(run)).toEqual(["body", "audit line", "counter 1", "counter 2"]);
  });

  test("text and numbers arrive exactly, whatever they hold: quotes, backslashes, dollars, JSON, other scripts", async () => {
    const { db } = test_.database;
    const run = newRun();
    const awkward = `O'Brien \\ "Ĳssel" $1 $$ \\' -- é ü 😀\n;commit;`;
    const json = JSON.stringify([{ label: awkward, amount: 7 }]);
    await db.transaction(async (tx) => {
      await atCommit(tx, insert(run, awkward, 3));
      await atCommit(
        tx,
        sql`insert into commit_probe (run, label, amount) select ${run}, d.label, d.amount from jsonb_to_recordset(${json}::jsonb) as d(label text, amount int)`,
      );
    });
    const rows = await selectRows<{ label: string; amount: number }>(db, sql`select label, amount from commit_probe where run = ${run} order by id`);
    expect(rows).toEqual([
      { label: awkward, amount: 3 },
      { label: awkward, amount: 7 },
    ]);
  });

  test("a statement refused at commit rolls the whole transaction back with the database's own error, and the next one works", async () => {
    const { db } = test_.database;
    const run = newRun();
    const attempt = db.transaction(async (tx) => {
      await tx.execute(insert(run, "body"));
      await atCommit(tx, insert(run, "fine"));
      await atCommit(tx, insert(run, "negative", -1));
      await atCommit(tx, insert(run, "after"));
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e as { code?: string; cause?: { code?: string } },
    );
    // A check violation (SQLSTATE 23514), as the submission service's isDataError reads it on either driver.
    expect(error?.code ?? error?.cause?.code).toBe("23514");
    expect(await labels(run)).toEqual([]);
    await db.transaction(async (tx) => {
      await tx.execute(insert(run, "next"));
      await atCommit(tx, insert(run, "next counter"));
    });
    expect(await labels(run)).toEqual(["next", "next counter"]);
  });

  test("outside a top-level transaction it runs at once: on the database, and in a savepoint (which may roll back alone)", async () => {
    const { db } = test_.database;
    const run = newRun();
    await atCommit(db, insert(run, "alone"));
    expect(await labels(run)).toEqual(["alone"]);
    await db.transaction(async (tx) => {
      await tx.execute(insert(run, "outer"));
      await tx
        .transaction(async (savepoint) => {
          await atCommit(savepoint, insert(run, "in savepoint"));
          expect(await labels(run, savepoint)).toEqual(["alone", "outer", "in savepoint"]);
          throw new Error("roll the savepoint back");
        })
        .catch(() => {});
      await tx.transaction((savepoint) => atCommit(savepoint, insert(run, "kept savepoint")));
    });
    expect(await labels(run)).toEqual(["alone", "outer", "kept savepoint"]);
  });

  test("each is counted among the request's statements, as if it had gone alone", async () => {
    const { db } = test_.database;
    const run = newRun();
    const scope: RequestScope = { requestId: "count", statements: 0 };
    await runInRequestScope(scope, () =>
      db.transaction(async (tx) => {
        await tx.execute(insert(run, "body"));
        await atCommit(tx, insert(run, "counter 1"));
        await atCommit(tx, insert(run, "counter 2"));
      }),
    );
    expect(scope.statements).toBe(3);
  });
});
