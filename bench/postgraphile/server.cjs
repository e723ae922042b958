// PostGraphile v4 in library mode, for the campaign-page benchmark's side-by-side comparison (bench/campaign-page.postgraphile.ts).
// Its own folder and lock, because PostGraphile v4 needs graphql 15 and the service uses graphql 16:
// install with `npm --prefix bench/postgraphile ci`. Started by the benchmark as a child process (so its CPU is measured
// apart from the service's); tells the parent its port over IPC. DATABASE_URL: the benchmark's database; POOL_MAX: the
// size of its pg pool (the service's).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by node as is: not part of the service's TypeScript */
const http = require("node:http");
const { Pool } = require("pg");
const { postgraphile } = require("postgraphile");
const ConnectionFilterPlugin = require("postgraphile-plugin-connection-filter");
const PgManyToManyPlugin = require("@graphile-contrib/pg-many-to-many");

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX || 10) });
const middleware = postgraphile(pool, "public", {
  appendPlugins: [ConnectionFilterPlugin, PgManyToManyPlugin],
  // The production settings PostGraphile's documentation recommends: no watch, no GraphiQL, no query log, plain errors.
  watchPg: false,
  graphiql: false,
  disableQueryLog: true,
  retryOnInitFail: false,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  disableDefaultMutations: true,
  legacyRelations: "omit",
  simpleCollections: "both",
  enableQueryBatching: false,
});

const server = http.createServer(middleware);
server.listen(0, "127.0.0.1", () => {
  process.send({ ready: true, port: server.address().port });
});
process.on("message", (message) => {
  if (message === "stop") server.close(() => pool.end().then(() => process.exit(0)));
});
process.on("disconnect", () => process.exit(0));
