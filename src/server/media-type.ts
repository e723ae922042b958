import Negotiator from "negotiator";

/** The media types Apollo Server answers a single result in (its own list, which it does not export). */
const ANSWER_TYPES = ["application/json", "application/graphql-response+json", "application/json; callbackSpec=1.0"];

/**
 * Whether a request's Accept header allows an answer in JSON (no header allows anything). Apollo negotiates only after
 * running the operation, so a mutation whose client accepts no JSON would be carried out and then answered 406; the
 * edge asks this first and refuses before anything runs.
 */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) !== undefined;
}
