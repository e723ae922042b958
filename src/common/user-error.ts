import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A business rule refused (part of) the mutation. Nothing the refused part asked for was changed." })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "applications", "3", "candidate", "email"].' })
  field!: string[] | null;

  @Field({ description: "Stable machine-readable code, e.g. VACANCY_NOT_OPEN. Each payload's description lists the codes it may carry." })
  code!: string;

  @Field({ description: "Human-readable explanation in English." })
  message!: string;
}

/** A payload's description followed by the codes its userErrors may carry, from the feature's enum of them. */
export function withCodes(description: string, codes: readonly string[]): string {
  return `${description} Codes in userErrors: ${codes.join(", ")}.`;
}

export function userError(code: string, message: string, field: string[] | null = null): UserError {
  return Object.assign(new UserError(), { code, message, field });
}
