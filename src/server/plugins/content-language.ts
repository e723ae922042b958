import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../../context/context";

/** An answer's Content-Language and, when some text fell back to Dutch, its `extensions.languageFallbacks`. */
export function servedLanguage(context: Context): {
  contentLanguage: string;
  fallbacks: { path: (string | number)[]; requested: string; served: string }[] | null;
} {
  const languages = context.servedLanguages.size ? [...context.servedLanguages] : [context.language];
  return {
    contentLanguage: languages.sort((a, b) => (a === "nl" ? 1 : b === "nl" ? -1 : a < b ? -1 : 1)).join(", "),
    fallbacks: context.languageFallbacks.length
      ? context.languageFallbacks.map((f) => ({ path: f.path, requested: f.requested.toUpperCase(), served: f.served.toUpperCase() }))
      : null,
  };
}

/**
 * Says which language a response was served in. Content-Language names the languages its texts are in (the asked ones,
 * then Dutch when some text fell back to it); `extensions.languageFallbacks` lists each text served in Dutch instead of
 * the asked language, by path, so a page can mark it ("only in Dutch"). The response cache keeps whole answers as sent
 * (src/server/response-cache.ts), list and header included; the prepared queries' answers carry the same
 * (src/server/prepared-queries.ts).
 */
export function contentLanguagePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue?.languageFallbacks) return;
          const { contentLanguage, fallbacks } = servedLanguage(contextValue);
          response.http.headers.set("content-language", contentLanguage);
          if (fallbacks && response.body.kind === "single") {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, languageFallbacks: fallbacks };
          }
        },
      };
    },
  };
}
