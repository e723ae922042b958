/** A public text in Dutch (always present) and French, English and German where known. */
export interface LocalizedText {
  nl: string;
  fr?: string;
  en?: string;
  de?: string;
}

export type LanguageKey = keyof LocalizedText;

/** The requested language if the text has it, otherwise Dutch: the campaign's texts are always written in Dutch first. */
export function pickText(text: LocalizedText, language: LanguageKey): string {
  return text[language] ?? text.nl;
}

export function pickOptionalText(text: LocalizedText | null | undefined, language: LanguageKey): string | null {
  return text ? pickText(text, language) : null;
}
