import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { fromGlobalId } from "../../src/common/global-id";
import { openDatabase } from "../../src/db/client";
import { apiClients } from "../../src/db/tables";
import { createKey } from "../helpers/clients";
import { onPostgres } from "../helpers/test-database";
import { ADMIN_KEY, startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server.close());

const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id name role agency { code } keyPrefix revokedAt } userErrors { field code message } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(input: { apiClientId: $id }) { apiClient { id revokedAt } userErrors { code } } }`;

test("createApiClient returns the key once and stores only its hash", async () => {
  const data = await server.data(CREATE, { input: { name: "DVZ HR system (vendor A)", role: "AGENCY_HR", agency: "DVZ" } }, { key: ADMIN_KEY });
  const { apiKey, apiClient } = data.createApiClient;
  expect(apiKey).toMatch(/^amk_[A-Za-z0-9_-]{43}$/);
  expect(apiClient).toMatchObject({
    name: "DVZ HR system (vendor A)",
    role: "AGENCY_HR",
    agency: { code: "DVZ" },
    keyPrefix: apiKey.slice(0, 10),
    revokedAt: null,
  });
  const [row] = await server.database.db
    .select()
    .from(apiClients)
    .where(eq(apiClients.id, fromGlobalId("ApiClient", apiClient.id)!));
  expect(row.keyHash).toBe(createHash("sha256").update(apiKey).digest("hex"));
  expect(JSON.stringify(row)).not.toContain(apiKey);

  const viewer = await server.data(`{ viewer { role name agency { code } } }`, {}, { key: apiKey });
  expect(viewer.viewer).toEqual({ role: "AGENCY_HR", name: "DVZ HR system (vendor A)", agency: { code: "DVZ" } });
  const listed = await server.data(`{ apiClients(first: 100) { edges { node { id } } } }`, {}, { key: ADMIN_KEY });
  expect(JSON.stringify(listed)).not.toContain(apiKey);
});

test("a wrong, malformed or revoked key is UNAUTHENTICATED with HTTP 401", async () => {
  const key = await createKey(server, "TASKFORCE");
  const { viewer } = await server.data(`{ viewer { name } }`, {}, { key });
  expect(viewer.name).toBe("TASKFORCE test client");
  const clients = await server.data(`{ apiClients(first: 100) { edges { node { id name } } } }`, {}, { key: ADMIN_KEY });
  const id = clients.apiClients.edges.find((e: any) => e.node.name === "TASKFORCE test client").node.id;
  const revoked = await server.data(REVOKE, { id }, { key: ADMIN_KEY });
  expect(revoked.revokeApiClient).toEqual({ apiClient: { id, revokedAt: expect.any(String) }, userErrors: [] });
  expect((await server.data(REVOKE, { id }, { key: ADMIN_KEY })).revokeApiClient.userErrors).toEqual([{ code: "ALREADY_REVOKED" }]);

  for (const headers of [
    { authorization: `Bearer ${key}` },
    { authorization: "Bearer amk_thisIsNotARealKeyButLongEnough" },
    { authorization: "Basic dXNlcjpwYXNz" },
  ]) {
    const response = await server.gql(`{ viewer { name } }`, {}, { headers });
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.body.data).toBeUndefined();
  }
});

test("role and agency must fit together", async () => {
  const cases = [
    [{ name: "x", role: "AGENCY_HR" }, "AGENCY_REQUIRED"],
    [{ name: "x", role: "TASKFORCE", agency: "DVZ" }, "AGENCY_NOT_ALLOWED"],
    [{ name: "  ", role: "ADMIN" }, "NAME_REQUIRED"],
    [{ name: "n".repeat(201), role: "ADMIN" }, "NAME_TOO_LONG"],
  ] as const;
  const before = await server.database.db.select().from(apiClients);
  for (const [input, code] of cases) {
    const data = await server.data(CREATE, { input }, { key: ADMIN_KEY });
    expect(data.createApiClient).toMatchObject({ apiKey: null, apiClient: null, userErrors: [{ code }] });
  }
  expect(await server.database.db.select().from(apiClients)).toHaveLength(before.length);
});

test("the operator CLI creates a key, lists and revokes", async () => {
  const run = promisify(execFile);
  const cli = path.join(__dirname, "../../dist/scripts/apikey.js");
  // PGlite belongs to one process: on PGlite the CLI works on a folder of its own, on PostgreSQL on the server's database.
  const dir = onPostgres ? null : mkdtempSync(path.join(tmpdir(), "apikey-cli-"));
  const env = { ...process.env, ...(onPostgres ? { DATABASE_URL: server.testDatabase.url! } : { PGLITE_DIR: path.join(dir!, "db") }) };
  try {
    const created = await run(process.execPath, [cli, "create", "--role", "AGENCY_HR", "--agency", "cgvs", "--name", "CGVS HR from the CLI"], { env });
    const key = created.stdout.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^amk_[A-Za-z0-9_-]{43}$/);
    const id = created.stdout.match(/id (\S+)\n/)![1];
    if (onPostgres) {
      const { viewer } = await server.data(`{ viewer { name role agency { code } } }`, {}, { key });
      expect(viewer).toEqual({ name: "CGVS HR from the CLI", role: "AGENCY_HR", agency: { code: "CGVS" } });
    }
    const listed = await run(process.execPath, [cli, "list"], { env });
    expect(listed.stdout).toContain(`${id}\tAGENCY_HR\tCGVS\t${key.slice(0, 10)}…\tactive\tCGVS HR from the CLI`);
    await run(process.execPath, [cli, "revoke", "--id", id], { env });
    if (onPostgres) expect((await server.gql(`{ viewer { name } }`, {}, { key })).status).toBe(401);
    else {
      const database = await openDatabase({ driver: "pglite", dataDir: path.join(dir!, "db") });
      const [row] = await database.db
        .select()
        .from(apiClients)
        .where(eq(apiClients.id, fromGlobalId("ApiClient", id)!));
      await database.close();
      expect(row).toMatchObject({ keyHash: createHash("sha256").update(key).digest("hex"), revokedAt: expect.any(Date) });
    }
    await expect(run(process.execPath, [cli, "create", "--role", "WIZARD", "--name", "x"], { env })).rejects.toMatchObject({
      stderr: "apikey: --role must be one of AGENCY_HR, TASKFORCE, ADMIN\n",
    });
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});
