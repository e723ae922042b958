import { registerEnumType } from "type-graphql";
import { enumObject } from "../common/enum-object";
import { ROLES, type RoleValue } from "../db/tables";

export const Role = enumObject(ROLES);
export type Role = RoleValue;

registerEnumType(Role, {
  name: "Role",
  description: "What an API key may do.",
  valuesConfig: {
    AGENCY_HR: { description: "An agency's HR system: pushes and moves its own agency's applications, manages its own vacancies." },
    TASKFORCE: { description: "The recruitment taskforce and Selor's planner: dashboards, test sessions, pipeline data without personal data." },
    ADMIN: { description: "Operators: API clients, vacancies of every agency, erasure." },
  },
});
