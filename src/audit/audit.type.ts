import { Node } from "../common/node";
import { enumObject } from "../common/enum-object";
import { AUDIT_OUTCOMES, type AuditOutcomeValue } from "../db/tables";
import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { AgencyCode } from "../agencies/agency.type";
import { Role } from "../auth/role";
import { Connection } from "../common/connection";

export const AuditOutcome = enumObject(AUDIT_OUTCOMES);
export type AuditOutcome = AuditOutcomeValue;

registerEnumType(AuditOutcome, {
  name: "AuditOutcome",
  description: "How a mutation ended.",
  valuesConfig: {
    OK: { description: "Done." },
    USER_ERROR: { description: "Refused, wholly or in part, by a business rule (see userErrorCodes)." },
    DENIED: { description: "Refused for lack of a key or a role." },
    FAILED: { description: "Failed on a fault (the request id leads to the log)." },
  },
});

@ObjectType({
  implements: Node,
  description: "One mutation as the audit log recorded it: who, what, which record, when, and how it ended. Never personal data.",
})
export class AuditEntry {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => Date, { description: "When the mutation ran." })
  occurredAt!: Date;

  @Field({ description: "The mutation, e.g. moveApplication." })
  operation!: string;

  @Field(() => AuditOutcome, { description: "How it ended." })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: "The kind of record it changed or targeted, e.g. Application." })
  targetType!: string | null;

  @Field(() => String, { nullable: true, description: "The id of that record, as the API shows it." })
  targetId!: string | null;

  @Field({ description: "Who called: the API client's name, the bootstrap administrator, or anonymous." })
  actorName!: string;

  @Field(() => ID, { nullable: true, description: "The API client's id, when a stored client called." })
  actorClientId!: string | null;

  @Field(() => Role, { nullable: true, description: "The caller's role." })
  actorRole!: Role | null;

  @Field(() => AgencyCode, { nullable: true, description: "The caller's agency, for AGENCY_HR keys." })
  actorAgencyCode!: AgencyCode | null;

  @Field(() => [String], { description: "The codes of the userErrors returned, if any." })
  userErrorCodes!: string[];

  @Field(() => GraphQLJSONObject, { nullable: true, description: "What was asked, without personal data (e.g. the target stage, batch counts)." })
  detail!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "The request id, to find the request in the logs." })
  requestId!: string | null;
}

@InputType({ description: "Narrows the audit log." })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "Only this mutation, e.g. eraseCandidate." })
  operation?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: "Only entries with this outcome." })
  outcome?: AuditOutcome | null;

  @Field(() => ID, { nullable: true, description: "Only mutations by this API client." })
  apiClientId?: string | null;

  @Field(() => Date, { nullable: true, description: "Only entries at or after this moment." })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: "Only entries before this moment." })
  until?: Date | null;
}

export const AuditEntryConnection = Connection(AuditEntry, "AuditEntry", "audit entry");
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;
