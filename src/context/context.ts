import type { Viewer } from "../auth/viewer";
import { languageKey, type Language } from "../common/language";
import type { LanguageKey } from "../common/localized-text";
import type { Logger } from "../common/logger";
import { createLoaders, type Loaders } from "./loaders";
import type { Services } from "./services";

/** What every resolver receives: who asks, in which language, and the services and per-request loaders. */
export interface Context {
  requestId: string;
  viewer: Viewer;
  /** The request's language (Accept-Language), used when a field's `lang` argument is absent. */
  language: LanguageKey;
  lang(argument?: Language | null): LanguageKey;
  services: Services;
  loaders: Loaders;
  logger: Logger;
}

export function buildContext(services: Services, logger: Logger, requestId: string, viewer: Viewer, language: LanguageKey): Context {
  return {
    requestId,
    viewer,
    language,
    lang: (argument) => (argument ? languageKey(argument) : language),
    services,
    loaders: createLoaders(services),
    logger,
  };
}
