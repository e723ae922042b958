import Negotiator from "negotiator";

/**
 * The media types Apollo Server answers a single result in, as it writes them in Content-Type (its MEDIA_TYPES, in
 * the order it offers them: chooseContentTypeForSingleResultResponse in @apollo/server's ApolloServer.js).
 */
const ANSWER_TYPES = [
  "application/json; charset=utf-8",
  "application/graphql-response+json; charset=utf-8",
  "application/json; callbackSpec=1.0; charset=utf-8",
];

/**
 * The Content-Type Apollo answers a single result with for this Accept header (no header: application/json), or null
 * when the header allows none of them. Apollo negotiates only after running the operation, so a mutation whose client
 * accepts no JSON would be carried out and then answered 406: the edge asks this first and refuses before anything
 * runs, and the answers of prepared queries (src/server/prepared-queries.ts) carry what it chose, so neither can drift
 * from Apollo's choice.
 */
export function answerMediaType(accept: string | undefined): string | null {
  if (!accept) return ANSWER_TYPES[0];
  return new Negotiator({ headers: { accept } }).mediaType(ANSWER_TYPES) ?? null;
}
