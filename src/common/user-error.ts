import { Field, ObjectType } from "type-graphql";

/** `C`: the codes the operation returning it may use (its list of codes, below); a code outside it does not compile. */
@ObjectType({ description: "A business rule refused (part of) the mutation. Nothing the refused part asked for was changed." })
export class UserError<C extends string = string> {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["input", "applications", "3", "candidate", "email"].' })
  field!: string[] | null;

  @Field(() => String, {
    description: "Stable machine-readable code, e.g. VACANCY_NOT_OPEN. Each mutation's payload description lists exactly the codes that mutation returns.",
  })
  code!: C;

  @Field({ description: "Human-readable explanation in English." })
  message!: string;
}

/**
 * Each feature keeps one map from its mutations' names to the codes each may return (its `*.errors.ts`): the payload's
 * description is written from it (withCodes), the service's refusals are typed by it (CodesOf), and
 * test/schema/error-codes.test.ts holds every mutation of the emitted schema to it.
 */
export type OperationCodes = Readonly<Record<string, readonly string[]>>;

/** The codes operation `Op` of map `M` may return, as a type. */
export type CodesOf<M extends OperationCodes, Op extends keyof M> = M[Op][number];

/** A payload's description followed by the codes its operation may return. */
export function withCodes(description: string, codes: readonly string[]): string {
  return `${description} Codes in userErrors: ${codes.join(", ")}.`;
}

export function userError<C extends string>(code: C, message: string, field: string[] | null = null): UserError<C> {
  return Object.assign(new UserError<C>(), { code, message, field });
}

/**
 * The refusals of an operation that shares its code path with a wider one but, by its fixed inputs, cannot meet some of
 * that path's refusals (one application and no session: nothing listed twice, no unknown session). The narrowing is
 * checked here, at run time: an unlisted code is a bug, raised as an internal error rather than answered silently.
 */
export function narrowCodes<C extends string>(codes: readonly C[], errors: readonly UserError[]): UserError<C>[] {
  const unlisted = errors.find((e) => !(codes as readonly string[]).includes(e.code));
  if (unlisted) throw new Error(`userError ${unlisted.code} is not among the operation's codes (${codes.join(", ")})`);
  return errors as UserError<C>[];
}

/** A payload built from values checked against its class (Object.assign alone would accept any). */
export function payload<T extends object>(type: new () => T, values: T): T {
  return Object.assign(new type(), values);
}
