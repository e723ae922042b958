import type { LocalizedText } from "../common/localized-text";
import { LanguageRegime } from "./vacancy.type";

/**
 * The languages a post requires, by its language regime (the law on the use of languages in administrative matters
 * gives each post a language role): one definition, so a French-speaking post in Wallonia never reads "perfect Dutch".
 */
const REQUIREMENTS: Record<LanguageRegime, Required<LocalizedText>> = {
  [LanguageRegime.NL]: {
    nl: "Nederlandstalige betrekking: je werkt in het Nederlands (diploma in het Nederlands of een taalbewijs).",
    fr: "Emploi néerlandophone : vous travaillez en néerlandais (diplôme en néerlandais ou certificat linguistique).",
    en: "Dutch-speaking post: you work in Dutch (a degree taught in Dutch or a language certificate).",
    de: "Niederländischsprachige Stelle: Sie arbeiten auf Niederländisch (Diplom auf Niederländisch oder Sprachnachweis).",
  },
  [LanguageRegime.FR]: {
    nl: "Franstalige betrekking: je werkt in het Frans (diploma in het Frans of een taalbewijs).",
    fr: "Emploi francophone : vous travaillez en français (diplôme en français ou certificat linguistique).",
    en: "French-speaking post: you work in French (a degree taught in French or a language certificate).",
    de: "Französischsprachige Stelle: Sie arbeiten auf Französisch (Diplom auf Französisch oder Sprachnachweis).",
  },
  [LanguageRegime.DE]: {
    nl: "Duitstalige betrekking: je werkt in het Duits (diploma in het Duits of een taalbewijs).",
    fr: "Emploi germanophone : vous travaillez en allemand (diplôme en allemand ou certificat linguistique).",
    en: "German-speaking post: you work in German (a degree taught in German or a language certificate).",
    de: "Deutschsprachige Stelle: Sie arbeiten auf Deutsch (Diplom auf Deutsch oder Sprachnachweis).",
  },
  [LanguageRegime.BILINGUAL]: {
    nl: "Tweetalige betrekking: je werkt in het Nederlands en het Frans (een taalbewijs van de andere landstaal is vereist).",
    fr: "Emploi bilingue : vous travaillez en néerlandais et en français (un certificat de connaissance de l'autre langue nationale est requis).",
    en: "Bilingual post: you work in Dutch and French (a certificate in the other national language is required).",
    de: "Zweisprachige Stelle: Sie arbeiten auf Niederländisch und Französisch (ein Nachweis der anderen Landessprache ist erforderlich).",
  },
};

export function languageRequirementOf(regime: LanguageRegime): LocalizedText {
  return REQUIREMENTS[regime];
}
