import { readFileSync } from "node:fs";
import path from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from "graphql";
import { campaignSchema, printCampaignSchema } from "../../src/server/schema";

test("schema/schema.graphql is what the code produces (run `npm run schema:emit` after changing the API)", async () => {
  const published = readFileSync(path.join(__dirname, "../../schema/schema.graphql"), "utf8");
  expect(published).toBe(await printCampaignSchema());
});

test("every type, field, argument, input field and enum value has a description", async () => {
  const schema = await campaignSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    } else if (!isScalarType(type) && !isUnionType(type)) {
      missing.push(`${(type as { name: string }).name} (unexpected kind)`);
    }
  }
  expect(missing).toEqual([]);
});
