import { execute, parse, type OperationDefinitionNode } from "graphql";
import * as values from "graphql/execution/values";
import { coercedVariables } from "../../src/server/plugins/coerced-variables";
import { campaignSchema } from "../../src/server/schema";

const document = parse(`mutation Submit($input: SubmitApplicationsInput!) { submitApplications(input: $input) { createdCount } }`);
const operation = document.definitions[0] as OperationDefinitionNode;
const variables = () => ({
  input: {
    applications: [
      {
        externalId: "hr-1",
        vacancyId: "VmFjYW5jeTox",
        submittedAt: "2026-11-30T06:00:00.000Z",
        candidate: { firstName: "An", lastName: "Peeters", email: "an@example.be", birthDate: "1990-05-01" },
      },
    ],
  },
});

describe("the variables of a request are coerced once (src/server/plugins/coerced-variables.ts)", () => {
  test("execute gets the edge's outcome for the same variables object and operation, the same values a fresh coercion gives", async () => {
    const schema = await campaignSchema();
    const raw = variables();
    const atEdge = coercedVariables(schema, operation, raw);
    expect(atEdge.errors).toBeUndefined();
    // What buildExecutionContext calls, as it calls it.
    const again = values.getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 50 });
    expect(again).toBe(atEdge);
    const fresh = values.getVariableValues(schema, operation.variableDefinitions ?? [], variables(), { maxErrors: 50 });
    expect(fresh).not.toBe(atEdge);
    expect(fresh).toEqual(atEdge);
    expect((atEdge.coerced!.input as { applications: { submittedAt: Date }[] }).applications[0].submittedAt).toEqual(new Date("2026-11-30T06:00:00.000Z"));
  });

  test("graphql-js's execute takes that outcome: it does not look at the variables object again", async () => {
    const schema = await campaignSchema();
    const raw = variables();
    coercedVariables(schema, operation, raw);
    // Spoiled after the edge coerced it: coerced anew, it would be refused before any resolver ran.
    (raw.input.applications[0] as Record<string, unknown>).externalId = 42;
    const result = await execute({ schema, document, variableValues: raw, contextValue: {} });
    expect(result.errors?.map((e) => e.message).filter((m) => m.includes("$input"))).toEqual([]);
    const spoiled = await execute({ schema, document, variableValues: JSON.parse(JSON.stringify(raw)) as Record<string, unknown>, contextValue: {} });
    expect(spoiled.errors!.map((e) => e.message)[0]).toMatch(/^Variable "\$input" got invalid value 42 at "input.applications\[0\].externalId"/);
  });

  test("another operation over the same variables object, or variables that did not coerce, are coerced anew", async () => {
    const schema = await campaignSchema();
    const raw = variables();
    const atEdge = coercedVariables(schema, operation, raw);
    const other = parse(`mutation Other($input: SubmitApplicationsInput!) { submitApplications(input: $input) { refusedCount } }`)
      .definitions[0] as OperationDefinitionNode;
    expect(values.getVariableValues(schema, other.variableDefinitions ?? [], raw)).not.toBe(atEdge);

    const bad = { input: { applications: [{ externalId: "hr-1" }] } };
    const refused = coercedVariables(schema, operation, bad);
    expect(refused.errors).toHaveLength(2);
    const again = values.getVariableValues(schema, operation.variableDefinitions ?? [], bad, { maxErrors: 1 });
    expect(again).not.toBe(refused);
    // execute's own limit applies: one error, then graphql-js's "too many errors".
    expect(again.errors!.map((e) => e.message)).toEqual([
      refused.errors![0].message,
      "Too many errors processing variables, error limit reached. Execution aborted.",
    ]);
    // And execute answers with them, as before.
    const result = await execute({ schema, document, variableValues: bad, contextValue: {} });
    expect(result.errors!.map((e) => e.message)).toEqual(refused.errors!.map((e) => e.message));
  });
});
