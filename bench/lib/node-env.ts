// graphql-js reads NODE_ENV when it is first loaded: outside production it adds instanceof checks a deployment does not
// pay for. Imported first by run.ts, before anything loads graphql.
process.env.NODE_ENV ??= "production";
