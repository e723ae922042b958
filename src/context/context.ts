import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import type { Viewer } from "../auth/viewer";
import { languageKey, type Language } from "../common/language";
import type { LanguageKey, LocalizedText } from "../common/localized-text";
import type { Logger } from "../common/logger";
import { createLoaders, type Loaders } from "./loaders";
import type { ReferenceData } from "./reference-data";
import type { Services } from "./services";

/** What every resolver receives: who asks, in which language, and the services and per-request loaders. */
export interface Context {
  requestId: string;
  viewer: Viewer;
  /** The request's language (Accept-Language), used when a field's `lang` argument is absent. */
  language: LanguageKey;
  lang(argument?: Language | null): LanguageKey;
  /** A public text in the asked language (the `lang` argument, else the request's), falling back to Dutch: recorded. */
  text(text: LocalizedText, argument: Language | null | undefined, info: GraphQLResolveInfo): string;
  optionalText(text: LocalizedText | null | undefined, argument: Language | null | undefined, info: GraphQLResolveInfo): string | null;
  /** The texts of this response served in Dutch because the asked language was missing (reported in extensions). */
  languageFallbacks: LanguageFallback[];
  /** The languages this response's texts were served in (its Content-Language). */
  servedLanguages: Set<LanguageKey>;
  services: Services;
  loaders: Loaders;
  /** The process's copy of the public reference data, for anonymous requests only (null for callers with a key). */
  reference: ReferenceData | null;
  logger: Logger;
}

export interface LanguageFallback {
  path: (string | number)[];
  requested: LanguageKey;
  served: LanguageKey;
}

export function buildContext(
  services: Services,
  logger: Logger,
  requestId: string,
  viewer: Viewer,
  language: LanguageKey,
  reference?: ReferenceData | null,
): Context {
  const lang = (argument?: Language | null) => (argument ? languageKey(argument) : language);
  const languageFallbacks: LanguageFallback[] = [];
  const servedLanguages = new Set<LanguageKey>();
  const text = (value: LocalizedText, argument: Language | null | undefined, info: GraphQLResolveInfo) => {
    const requested = lang(argument);
    const served = value[requested];
    servedLanguages.add(served !== undefined ? requested : "nl");
    if (served !== undefined) return served;
    if (languageFallbacks.length < 100) languageFallbacks.push({ path: responsePathAsArray(info.path), requested, served: "nl" });
    return value.nl;
  };
  return {
    requestId,
    viewer,
    language,
    lang,
    text,
    optionalText: (value, argument, info) => (value ? text(value, argument, info) : null),
    languageFallbacks,
    servedLanguages,
    services,
    loaders: createLoaders(services, reference),
    reference: reference ?? null,
    logger,
  };
}
