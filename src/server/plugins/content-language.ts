import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../context/context";

/**
 * Says which language a response was served in. Content-Language names the languages its texts are in (the asked ones,
 * then Dutch when some text fell back to it); `extensions.languageFallbacks` lists each text served in Dutch instead of
 * the asked language, by path, so a page can mark it ("only in Dutch"). The response cache keeps whole answers as sent
 * (src/server/response-cache.ts), list and header included.
 */
export function contentLanguagePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue?.languageFallbacks) return;
          const fallbacks = contextValue.languageFallbacks;
          const languages = contextValue.servedLanguages.size ? [...contextValue.servedLanguages] : [contextValue.language];
          response.http.headers.set("content-language", languages.sort((a, b) => (a === "nl" ? 1 : b === "nl" ? -1 : a < b ? -1 : 1)).join(", "));
          if (fallbacks.length && response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              languageFallbacks: fallbacks.map((f) => ({ path: f.path, requested: f.requested.toUpperCase(), served: f.served.toUpperCase() })),
            };
          }
        },
      };
    },
  };
}
