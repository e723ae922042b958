import type { LocalizedText } from "../common/localized-text";
import { TestKind } from "../test-sessions/test-session.type";

/** The public name of a standard part of each kind, in every language, for parts created without a title. */
export const STANDARD_PART_TITLES: Record<TestKind, Required<LocalizedText>> = {
  [TestKind.COMPUTER_TEST]: { nl: "Computergestuurde test", fr: "Test informatisé", en: "Computer-based test", de: "Computergestützter Test" },
  [TestKind.WRITTEN]: { nl: "Schriftelijke proef", fr: "Épreuve écrite", en: "Written exam", de: "Schriftliche Prüfung" },
  [TestKind.ORAL]: { nl: "Mondelinge proef", fr: "Épreuve orale", en: "Oral exam", de: "Mündliche Prüfung" },
  [TestKind.ASSESSMENT]: { nl: "Assessment", fr: "Assessment", en: "Assessment", de: "Assessment" },
};
