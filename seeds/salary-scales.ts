/**
 * Salary scales: gross monthly pay in whole euro per year of seniority (index 0 = 0 years, 24 steps: 0..23).
 *
 * From a document: ASSE-B1, ASSE-B2 and ASSE-B3, copied exactly from the salary table of 004_c124dd4060e488f9.txt
 * (the local government of Asse's vacancy "deskundige projectopvolging integratie", functional career B1-B3), with
 * the index 2.0807 (June 2024) it gives. They are a municipality's scales: no federal post of the campaign uses them.
 *
 * Illustrative, NOT from the documents (none gives federal pay): A11 (level A, class A1, attaché), B11 (level B),
 * C11 (level C) and D11 (level D), the scales the campaign's federal posts start in. Their codes follow the federal
 * naming; their amounts are invented, evenly spaced and rising every two years like the Asse table, with no index
 * factor. The API marks them `illustrative: true` with that source, so no page shows them as real pay.
 */
import type { LocalizedText, SalaryScaleSeed } from "./types";

const asse: LocalizedText = {
  nl: "Lokaal bestuur Asse, infobundel deskundige projectopvolging integratie (loopbaan B1-B3), loonschalen geïndexeerd op 2,0807 (juni 2024)",
  fr: "Administration locale d'Asse, dossier d'information expert suivi de projets intégration (carrière B1-B3), barèmes indexés à 2,0807 (juin 2024)",
  en: "Asse local government, information pack for the integration project officer (B1-B3 career), scales indexed at 2.0807 (June 2024)",
};

const illustration: LocalizedText = {
  nl: "Ter illustratie: geen bron geeft de federale bedragen; ze zijn ingevuld naar het verloop van een echte schaal en zijn niet de werkelijke wedde",
  fr: "À titre d'illustration : aucune source ne donne les montants fédéraux ; ils suivent l'allure d'un barème réel et ne sont pas le traitement effectif",
  en: "Illustrative: no source gives the federal amounts; they follow the shape of a real scale and are not the actual pay",
};

/** 24 amounts from `low` to `high`, rising every two years (0, 1-2, 3-4, ...), as the Asse table does. */
function everyTwoYears(low: number, high: number): number[] {
  const rises = 12;
  return Array.from({ length: 24 }, (_, years) => Math.round(low + ((high - low) * Math.ceil(years / 2)) / rises));
}

export const salaryScales: SalaryScaleSeed[] = [
  // ── From 004_c124dd4060e488f9.txt (Asse, functional career B1-B3, index 2.0807) ──
  {
    code: "ASSE-B1",
    level: "B",
    name: {
      nl: "Weddenschaal B1 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B1 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B1 (Asse local government, B1-B3 career)",
    },
    source: asse,
    illustrative: false,
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3000, 3086, 3086, 3173, 3173, 3260, 3260, 3346, 3346, 3433, 3433, 3520, 3520, 3598, 3598, 3685, 3685, 3771, 3771, 3858, 3858, 3945, 3945, 4049,
    ],
  },
  {
    code: "ASSE-B2",
    level: "B",
    name: {
      nl: "Weddenschaal B2 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B2 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B2 (Asse local government, B1-B3 career)",
    },
    source: asse,
    illustrative: false,
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3268, 3372, 3372, 3485, 3485, 3589, 3589, 3693, 3693, 3806, 3806, 3910, 3910, 4023, 4023, 4127, 4127, 4231, 4231, 4343, 4343, 4447, 4447, 4586,
    ],
  },
  {
    code: "ASSE-B3",
    level: "B",
    name: {
      nl: "Weddenschaal B3 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B3 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B3 (Asse local government, B1-B3 career)",
    },
    source: asse,
    illustrative: false,
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3390, 3529, 3529, 3659, 3659, 3797, 3797, 3936, 3936, 4075, 4075, 4213, 4213, 4352, 4352, 4491, 4491, 4621, 4621, 4760, 4760, 4898, 4898, 5054,
    ],
  },

  // ── Illustrative (not from the documents): the federal scales the campaign's posts start in ──
  {
    code: "A11",
    level: "A",
    name: {
      nl: "Weddenschaal A11 (niveau A, klasse A1, attaché)",
      fr: "Échelle de traitement A11 (niveau A, classe A1, attaché)",
      en: "Salary scale A11 (level A, class A1, attaché)",
    },
    source: illustration,
    illustrative: true,
    monthlyGrossBySeniority: everyTwoYears(3700, 6300),
  },
  {
    code: "B11",
    level: "B",
    name: {
      nl: "Weddenschaal B11 (niveau B, deskundige)",
      fr: "Échelle de traitement B11 (niveau B, expert)",
      en: "Salary scale B11 (level B, specialist)",
    },
    source: illustration,
    illustrative: true,
    monthlyGrossBySeniority: everyTwoYears(3000, 4800),
  },
  {
    code: "C11",
    level: "C",
    name: {
      nl: "Weddenschaal C11 (niveau C, assistent)",
      fr: "Échelle de traitement C11 (niveau C, assistant)",
      en: "Salary scale C11 (level C, assistant)",
    },
    source: illustration,
    illustrative: true,
    monthlyGrossBySeniority: everyTwoYears(2600, 3700),
  },
  {
    code: "D11",
    level: "D",
    name: {
      nl: "Weddenschaal D11 (niveau D, medewerker)",
      fr: "Échelle de traitement D11 (niveau D, collaborateur)",
      en: "Salary scale D11 (level D, clerk)",
    },
    source: illustration,
    illustrative: true,
    monthlyGrossBySeniority: everyTwoYears(2300, 3000),
  },
];
