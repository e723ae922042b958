import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations for front-end teams (GraphQL Code Generator's client preset): the published schema and the example
 * operations of web/explorer/operations/ (add your own to `documents`), generated into generated/graphql/ by
 * `npm run codegen`. test/schema/codegen.test.ts runs it in CI, so an example that no longer fits the schema fails.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["web/explorer/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "generated/graphql/": {
      preset: "client",
      config: {
        // The API's scalars travel as ISO-8601 strings.
        scalars: { Date: "string", DateTime: "string", JSONObject: "Record<string, unknown>" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
