import type { LanguageKey } from "../common/localized-text";
import type { ScoreOutcome } from "./scoring";

/** A number as the language writes it: 24,5 in Dutch, French and German, 24.5 in English. */
function num(value: number, language: LanguageKey): string {
  return language === "en" ? String(value) : String(value).replace(".", ",");
}

/**
 * The scoring decision in words, in the asked language: which rule passed or failed, with the figures. Pure, like the
 * scoring rule itself (scoring.ts); the English sentence is the one scoring.ts gives as `explanation`.
 */
export function explainScore(outcome: ScoreOutcome, language: LanguageKey): string {
  const n = (value: number) => num(value, language);
  const failed = outcome.parts.find((p) => p.passed === false);
  if (failed) {
    const [points, max, percent, needed] = [n(failed.points!), n(failed.maxPoints), n(failed.percent!), n(failed.passPercent)];
    return {
      nl: `Niet geslaagd voor "${failed.name}": ${points}/${max} is ${percent} %, minder dan de ${needed} % die dat onderdeel vraagt.`,
      fr: `Échec à « ${failed.name} » : ${points}/${max} font ${percent} %, moins que les ${needed} % requis pour cette épreuve.`,
      en: outcome.explanation,
      de: `Nicht bestanden in „${failed.name}“: ${points}/${max} sind ${percent} %, weniger als die für diesen Teil nötigen ${needed} %.`,
    }[language];
  }
  const pending = outcome.parts.find((p) => p.points === null);
  if (pending) {
    return {
      nl: `Geslaagd voor elk onderdeel tot nu toe; "${pending.name}" volgt.`,
      fr: `Réussite de chaque épreuve passée jusqu'ici ; « ${pending.name} » suit.`,
      en: outcome.explanation,
      de: `Jeder bisher bewertete Teil bestanden; „${pending.name}“ folgt.`,
    }[language];
  }
  const [total, max, percent, needed] = [n(outcome.totalPoints), n(outcome.maxPoints), n(outcome.percent), n(overallNeeded(outcome))];
  if (outcome.decision === "FAILED") {
    return {
      nl: `Geslaagd voor elk onderdeel, maar ${total}/${max} is ${percent} % in totaal, minder dan de vereiste ${needed} %.`,
      fr: `Toutes les épreuves réussies, mais ${total}/${max} font ${percent} % au total, moins que les ${needed} % requis.`,
      en: outcome.explanation,
      de: `Jeder Teil bestanden, aber ${total}/${max} sind insgesamt ${percent} %, weniger als die nötigen ${needed} %.`,
    }[language];
  }
  return {
    nl: `Geslaagd voor elk onderdeel en ${total}/${max} is ${percent} % in totaal, minstens de vereiste ${needed} %.`,
    fr: `Toutes les épreuves réussies et ${total}/${max} font ${percent} % au total, au moins les ${needed} % requis.`,
    en: outcome.explanation,
    de: `Jeder Teil bestanden und ${total}/${max} sind insgesamt ${percent} %, mindestens die nötigen ${needed} %.`,
  }[language];
}

function overallNeeded(outcome: ScoreOutcome): number {
  return outcome.overallPassPercent;
}
