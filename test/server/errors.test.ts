import { createLogger } from "../../src/common/logger";
import { loadConfig } from "../../src/config";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { rawRequest } from "./http";

describe("unexpected errors are masked", () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger("info", (line) => lines.push(line)) });
  });
  afterAll(async () => {
    await server.app.close();
    await server.testDatabase.drop().catch(() => {}); // the database is already closed
  });

  test("with the database closed under the server: 'Internal server error', no stack, a request id found in the log", async () => {
    expect((await rawRequest(server.url.replace("/graphql", "/readyz"), { method: "GET" })).status).toBe(200);
    await server.database.close();

    const response = await server.gql(`query Campaign { campaign { name } }`);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { campaign: null },
      errors: [
        {
          message: "Internal server error",
          locations: [{ line: 1, column: 18 }],
          path: ["campaign"],
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
        },
      ],
    });

    const logged = lines.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === requestId);
    expect(logged.map((entry) => [entry.level, entry.msg])).toEqual([
      ["error", "unexpected error"],
      ["info", "graphql request"],
    ]);
    expect(logged[0]).toMatchObject({ path: ["campaign"], errorName: "DatabaseError", statement: expect.stringMatching(/^select /) });
    expect(logged[1]).toMatchObject({ operation: "Campaign", outcome: "internal_server_error", status: 200 });
    expect(JSON.stringify(logged)).not.toContain("    at ");
  });

  test("a request whose key cannot be checked (database down) gets the masked error too, with its request id", async () => {
    const response = await server.gql(`{ __typename }`, undefined, { key: "amk_this-key-cannot-be-looked-up-now" });
    const requestId = response.headers.get("x-request-id");
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
    expect(lines.some((line) => line.includes(`"requestId":"${requestId}"`) && line.includes('"msg":"unexpected error"'))).toBe(true);
  });

  test("/readyz answers 503 while the database is down; /livez still 200", async () => {
    const ready = await rawRequest(server.url.replace("/graphql", "/readyz"), { method: "GET" });
    expect(ready.status).toBe(503);
    expect(ready.json()).toEqual({ status: "not ready", reason: "database unreachable" });
    const live = await rawRequest(server.url.replace("/graphql", "/livez"), { method: "GET" });
    expect(live.status).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
  });
});

describe("introspection is configurable", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
  });
  afterAll(() => server.close());

  const introspect = `{ __schema { queryType { name } } }`;

  test("GRAPHQL_INTROSPECTION defaults to on and takes true/false", () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: "false" }).introspection).toBe(false);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: "maybe" })).toThrow('GRAPHQL_INTROSPECTION must be true or false, got "maybe"');
  });

  test("on: the schema is served", async () => {
    expect(await server.data(introspect)).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  test("off: introspection is refused, __typename still works", async () => {
    const closed = await startTestServer({ seed: false, introspection: false, testDatabase: { ...server.testDatabase, drop: async () => {} } });
    try {
      const response = await closed.gql(introspect);
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          message: expect.stringMatching(/^GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type\./),
          locations: [{ line: 1, column: 3 }],
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" },
        },
      ]);
      expect(await closed.data(`{ __typename }`)).toEqual({ __typename: "Query" });
    } finally {
      await closed.close();
    }
  });
});
