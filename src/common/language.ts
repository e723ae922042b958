import { registerEnumType } from "type-graphql";
import { enumObject } from "./enum-object";
import { LANGUAGES, type LanguageValue } from "../db/tables/enums";
import type { LanguageKey } from "./localized-text";

export const Language = enumObject(LANGUAGES);
export type Language = LanguageValue;

registerEnumType(Language, {
  name: "Language",
  description: "A language of the campaign's texts and of test sessions. Texts missing in a language fall back to Dutch.",
  valuesConfig: {
    NL: { description: "Dutch (Nederlands): every public text exists in Dutch." },
    FR: { description: "French (français)." },
    EN: { description: "English." },
    DE: { description: "German (Deutsch), where known." },
  },
});

export function languageKey(language: Language): LanguageKey {
  return language.toLowerCase() as LanguageKey;
}

/**
 * The first supported language of an Accept-Language header, by quality then order; Dutch when none is supported.
 * "fr-BE,fr;q=0.9,en;q=0.8" gives fr.
 */
export function languageFromAcceptLanguage(header: string | undefined | null): LanguageKey {
  if (!header) return "nl";
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => ["nl", "fr", "en", "de"].includes(entry.base));
  return (match?.base as LanguageKey | undefined) ?? "nl";
}

/** Options of every `lang` argument. */
export const langArg = {
  nullable: true,
  description: "Language of the text. Default: the request's Accept-Language header, then Dutch.",
} as const;
