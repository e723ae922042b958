/**
 * Salary scales: gross monthly pay in whole euro per year of seniority (index 0 = 0 years, 24 steps: 0..23).
 *
 * Source: 004_c124dd4060e488f9.txt (vacancy of the local government of Asse, "deskundige projectopvolging
 * integratie", functional career B1-B3). B1, B2 and B3 are copied exactly from its salary table, with the
 * index 2.0807 (June 2024) it gives. This is a municipal (Asse) B1-B3 career, not a federal one: the project
 * uses it as the real example of a level-B pay scale for the campaign's level-B posts.
 *
 * Filled in plausibly, NOT from the documents: the federal scales A11 (level A, class A1, attaché; about
 * 3 700 rising to 6 300), C (level C; about 2 600 to 3 700) and D (level D; about 2 300 to 3 000). Their
 * amounts are invented, evenly spaced, rising every two years like the Asse table (non-decreasing), and carry
 * no index factor because no source gives one.
 */
import type { SalaryScaleSeed } from "./types";

export const salaryScales: SalaryScaleSeed[] = [
  // ── From 004_c124dd4060e488f9.txt (Asse, functional career B1-B3, index 2.0807) ──
  {
    code: "B1",
    level: "B",
    name: {
      nl: "Weddenschaal B1 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B1 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B1 (Asse local government, B1-B3 career)",
    },
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3000, 3086, 3086, 3173, 3173, 3260, 3260, 3346, 3346, 3433, 3433, 3520, 3520, 3598, 3598, 3685, 3685, 3771, 3771, 3858, 3858, 3945, 3945, 4049,
    ],
  },
  {
    code: "B2",
    level: "B",
    name: {
      nl: "Weddenschaal B2 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B2 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B2 (Asse local government, B1-B3 career)",
    },
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3268, 3372, 3372, 3485, 3485, 3589, 3589, 3693, 3693, 3806, 3806, 3910, 3910, 4023, 4023, 4127, 4127, 4231, 4231, 4343, 4343, 4447, 4447, 4586,
    ],
  },
  {
    code: "B3",
    level: "B",
    name: {
      nl: "Weddenschaal B3 (lokaal bestuur Asse, loopbaan B1-B3)",
      fr: "Échelle de traitement B3 (administration locale d'Asse, carrière B1-B3)",
      en: "Salary scale B3 (Asse local government, B1-B3 career)",
    },
    indexFactor: 2.0807,
    monthlyGrossBySeniority: [
      3390, 3529, 3529, 3659, 3659, 3797, 3797, 3936, 3936, 4075, 4075, 4213, 4213, 4352, 4352, 4491, 4491, 4621, 4621, 4760, 4760, 4898, 4898, 5054,
    ],
  },

  // ── Filled in plausibly (not from the documents): federal scales for levels A, C and D ──
  {
    code: "A11",
    level: "A",
    name: {
      nl: "Weddenschaal A11 (niveau A, klasse A1, attaché)",
      fr: "Échelle de traitement A11 (niveau A, classe A1, attaché)",
      en: "Salary scale A11 (level A, class A1, attaché)",
    },
    monthlyGrossBySeniority: [
      3700, 3917, 3917, 4133, 4133, 4350, 4350, 4567, 4567, 4783, 4783, 5000, 5000, 5217, 5217, 5433, 5433, 5650, 5650, 5867, 5867, 6083, 6083, 6300,
    ],
  },
  {
    code: "C",
    level: "C",
    name: {
      nl: "Weddenschaal niveau C",
      fr: "Échelle de traitement niveau C",
      en: "Salary scale level C",
    },
    monthlyGrossBySeniority: [
      2600, 2692, 2692, 2783, 2783, 2875, 2875, 2967, 2967, 3058, 3058, 3150, 3150, 3242, 3242, 3333, 3333, 3425, 3425, 3517, 3517, 3608, 3608, 3700,
    ],
  },
  {
    code: "D",
    level: "D",
    name: {
      nl: "Weddenschaal niveau D",
      fr: "Échelle de traitement niveau D",
      en: "Salary scale level D",
    },
    monthlyGrossBySeniority: [
      2300, 2358, 2358, 2417, 2417, 2475, 2475, 2533, 2533, 2592, 2592, 2650, 2650, 2708, 2708, 2767, 2767, 2825, 2825, 2883, 2883, 2942, 2942, 3000,
    ],
  },
];
