import { Language, languageFromAcceptLanguage, languageKey } from "../../src/common/language";
import { pickOptionalText, pickText } from "../../src/common/localized-text";

test.each([
  [undefined, "nl"],
  [null, "nl"],
  ["", "nl"],
  ["fr-BE,fr;q=0.9,en;q=0.8", "fr"],
  ["en", "en"],
  ["DE-de", "de"],
  ["es,it;q=0.9", "nl"],
  ["es,en;q=0.5,fr;q=0.7", "fr"],
  ["en;q=0.8,fr;q=0.8", "en"],
  ["fr;q=0,en;q=0.1", "en"],
  ["fr;q=abc,en;q=0.1", "en"],
  ["*", "nl"],
  [" nl-BE ; q=1 , fr", "nl"],
  [`${"xx,".repeat(20)}fr`, "nl"],
])("Accept-Language %p gives %s", (header, language) => {
  expect(languageFromAcceptLanguage(header)).toBe(language);
});

test.each([
  [Language.NL, "nl"],
  [Language.FR, "fr"],
  [Language.EN, "en"],
  [Language.DE, "de"],
])("languageKey(%s) = %s", (language, key) => {
  expect(languageKey(language)).toBe(key);
});

describe("texts fall back to Dutch", () => {
  const text = { nl: "Dossierbehandelaar", fr: "Gestionnaire de dossiers" };
  test.each([
    ["nl", "Dossierbehandelaar"],
    ["fr", "Gestionnaire de dossiers"],
    ["en", "Dossierbehandelaar"],
    ["de", "Dossierbehandelaar"],
  ] as const)("%s: %s", (language, shown) => {
    expect(pickText(text, language)).toBe(shown);
    expect(pickOptionalText(text, language)).toBe(shown);
  });

  test("no text at all is null", () => {
    expect(pickOptionalText(null, "fr")).toBeNull();
    expect(pickOptionalText(undefined, "nl")).toBeNull();
  });
});
