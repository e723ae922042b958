import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import config from "../../codegen";

/**
 * The front-end teams' code generation (codegen.ts) runs against the published schema and the example operations, as
 * `npm run codegen` runs it (the CLI in a process of its own, since it is an ES module), into a folder of its own.
 */
const ROOT = path.join(__dirname, "../..");
const CLI = path.join(ROOT, "node_modules/@graphql-codegen/cli/esm/bin.js");
const run = promisify(execFile);

async function codegen(documents: string[]): Promise<{ out: string; result: Promise<unknown> }> {
  const out = mkdtempSync(path.join(tmpdir(), "codegen-"));
  const [, generated] = Object.entries(config.generates)[0];
  const file = path.join(out, "codegen.json");
  writeFileSync(file, JSON.stringify({ ...config, documents, generates: { [path.join(out, "graphql") + "/"]: generated } }));
  return { out, result: run(process.execPath, [CLI, "--config", file, "--silent"], { cwd: ROOT }) };
}

test("GraphQL Code Generator types every example operation against schema/schema.graphql", async () => {
  const { out, result } = await codegen(config.documents as string[]);
  try {
    await result;
    expect(readdirSync(path.join(out, "graphql")).sort()).toEqual(["fragment-masking.ts", "gql.ts", "graphql.ts", "index.ts"]);
    const types = readFileSync(path.join(out, "graphql", "graphql.ts"), "utf8");
    for (const operation of [
      "CampaignProgressQuery",
      "SearchVacanciesQuery",
      "VacancyPageQuery",
      "SubmitApplicationsMutation",
      "SyncApplicationsQuery",
      "TaskforceDashboardQuery",
      "CreateTestSessionMutation",
      "CreateApiClientMutation",
    ]) {
      expect(types).toContain(`export type ${operation} = `);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("an operation that does not fit the schema fails the generation", async () => {
  const { out, result } = await codegen([]);
  const broken = path.join(out, "broken.graphql");
  writeFileSync(broken, "query Broken { vacancies { edges { node { salary } } } }\n");
  const { result: failing } = await codegen([broken]);
  try {
    await expect(failing).rejects.toThrow(/One or more errors occurred, no files were generated/);
  } finally {
    await result.catch(() => undefined);
    rmSync(out, { recursive: true, force: true });
  }
});
