/**
 * The 37 numbered competence areas of the European sectoral qualification framework for asylum and
 * reception officials (professional standards).
 *
 * Source: 001_ca9bb2d5fe02b581.txt. Numbers and groups follow the document's rows and section headers:
 * 1-14 "algemene competenties" (GENERAL), 15-28 "specifieke competenties" (SPECIFIC), 29-37 "toezicht en
 * management" (MANAGEMENT). Where one area name spans several rows (1-2, 3-4, 11-12, 13-14, 15-17, 19-20,
 * 21-22, 25-26, 27-28, 29-30, 31-32, 33-34), each row's title says what that row's cells cover.
 * Titles are the project's own short wording in nl, fr and en, not the framework's text.
 *
 * Filled in plausibly because the document leaves them open: rows 14 and 28 are missing from the document
 * (the text jumps from 13 to 15 at the "specifieke competenties" header and from 27 to 29 at the management
 * header). Row 14 is taken as the second row of "Informatie en gegevensanalyse" (GENERAL) and row 28 as the
 * second row of "Kwaliteitsborging van het asiel- en opvangproces" (SPECIFIC); their titles are guesses.
 */
import type { CompetenceAreaSeed } from "./types";

export const competenceAreas: CompetenceAreaSeed[] = [
  // ── Algemene competenties op het gebied van asiel en opvang ──
  {
    number: 1,
    group: "GENERAL",
    title: {
      nl: "Wetgeving, beleid en procedures: kennen en toepassen",
      fr: "Législation, politiques et procédures : connaissance et application",
      en: "Legislation, policy and procedures: knowing and applying them",
    },
  },
  {
    number: 2,
    group: "GENERAL",
    title: {
      nl: "Wetgeving, beleid en procedures: juridisch onderzoek en beleidsontwikkeling",
      fr: "Législation, politiques et procédures : recherche juridique et élaboration",
      en: "Legislation, policy and procedures: legal research and policy development",
    },
  },
  {
    number: 3,
    group: "GENERAL",
    title: {
      nl: "Algemene communicatie: doeltreffend en respectvol communiceren",
      fr: "Communication générale : communiquer de façon efficace et respectueuse",
      en: "General communication: communicating effectively and respectfully",
    },
  },
  {
    number: 4,
    group: "GENERAL",
    title: {
      nl: "Algemene communicatie: werken met een tolk",
      fr: "Communication générale : travailler avec un interprète",
      en: "General communication: working through an interpreter",
    },
  },
  {
    number: 5,
    group: "GENERAL",
    title: {
      nl: "Samenwerking en informatie-uitwisseling met respect voor gegevensbescherming",
      fr: "Coopération et échange d'informations, protection des données comprise",
      en: "Cooperation and information exchange, including data protection",
    },
  },
  {
    number: 6,
    group: "GENERAL",
    title: {
      nl: "Oog voor culturele en sociale factoren",
      fr: "Sensibilité aux facteurs culturels et sociaux",
      en: "Awareness of cultural and social factors",
    },
  },
  {
    number: 7,
    group: "GENERAL",
    title: {
      nl: "Professionele normen en beroepsethiek",
      fr: "Normes professionnelles et déontologie",
      en: "Professional standards and ethics",
    },
  },
  {
    number: 8,
    group: "GENERAL",
    title: {
      nl: "Welzijn op het werk en psychosociale risico's",
      fr: "Bien-être au travail et risques psychosociaux",
      en: "Professional well-being and psychosocial risks",
    },
  },
  {
    number: 9,
    group: "GENERAL",
    title: {
      nl: "Gezondheid, veiligheid en beveiliging",
      fr: "Santé, sécurité et sûreté",
      en: "Health, safety and security",
    },
  },
  {
    number: 10,
    group: "GENERAL",
    title: {
      nl: "Conflicten beheersen en bemiddelen",
      fr: "Gestion des conflits et médiation",
      en: "Conflict management and mediation",
    },
  },
  {
    number: 11,
    group: "GENERAL",
    title: {
      nl: "Informatiebeveiliging, IT en databanken: databanken raadplegen en bijhouden",
      fr: "Sécurité de l'information, IT et bases de données : consultation et mise à jour",
      en: "Information security, IT and databases: consulting and maintaining databases",
    },
  },
  {
    number: 12,
    group: "GENERAL",
    title: {
      nl: "Informatiebeveiliging, IT en databanken: gegevensbeveiliging",
      fr: "Sécurité de l'information, IT et bases de données : sécurité des données",
      en: "Information security, IT and databases: data security",
    },
  },
  {
    number: 13,
    group: "GENERAL",
    title: {
      nl: "Informatie en gegevensanalyse: gegevens verzamelen en analyseren",
      fr: "Information et analyse de données : collecte et analyse",
      en: "Information and data analysis: collecting and analysing data",
    },
  },
  {
    // Row missing from the source document; title filled in plausibly.
    number: 14,
    group: "GENERAL",
    title: {
      nl: "Informatie en gegevensanalyse: rapporteren over analyses",
      fr: "Information et analyse de données : rendre compte des analyses",
      en: "Information and data analysis: reporting on analyses",
    },
  },

  // ── Specifieke competenties op het gebied van asiel en opvang ──
  {
    number: 15,
    group: "SPECIFIC",
    title: {
      nl: "Dossierbeheer, registratie en huisvesting: praktische noden van verzoekers",
      fr: "Gestion des dossiers, enregistrement et hébergement : besoins pratiques",
      en: "Case management, registration and accommodation: applicants' practical needs",
    },
  },
  {
    number: 16,
    group: "SPECIFIC",
    title: {
      nl: "Dossierbeheer, registratie en huisvesting: registratie en toewijzing",
      fr: "Gestion des dossiers, enregistrement et hébergement : enregistrement et attribution",
      en: "Case management, registration and accommodation: registration and allocation",
    },
  },
  {
    number: 17,
    group: "SPECIFIC",
    title: {
      nl: "Dossierbeheer, registratie en huisvesting: informatie en documenten",
      fr: "Gestion des dossiers, enregistrement et hébergement : information et documents",
      en: "Case management, registration and accommodation: information and documents",
    },
  },
  {
    number: 18,
    group: "SPECIFIC",
    title: {
      nl: "Gesprekken: asielgesprekken voorbereiden, afnemen en verslaan",
      fr: "Entretiens : préparer, mener et consigner les entretiens d'asile",
      en: "Interviewing: preparing, conducting and recording asylum interviews",
    },
  },
  {
    number: 19,
    group: "SPECIFIC",
    title: {
      nl: "Bewijsbeoordeling en besluitvorming: verzoeken beoordelen en motiveren",
      fr: "Évaluation des preuves et décision : examiner et motiver les demandes",
      en: "Evidence assessment and decision-making: assessing and reasoning on claims",
    },
  },
  {
    number: 20,
    group: "SPECIFIC",
    title: {
      nl: "Bewijsbeoordeling en besluitvorming: bevoegde lidstaat en detentie",
      fr: "Évaluation des preuves et décision : État responsable et détention",
      en: "Evidence assessment and decision-making: responsible State and detention",
    },
  },
  {
    number: 21,
    group: "SPECIFIC",
    title: {
      nl: "Herkomstlandeninformatie: opzoeken en bronnen gebruiken",
      fr: "Information sur les pays d'origine : recherche et sources",
      en: "Country-of-origin information: research and sources",
    },
  },
  {
    number: 22,
    group: "SPECIFIC",
    title: {
      nl: "Herkomstlandeninformatie: analyseren en rapporteren",
      fr: "Information sur les pays d'origine : analyse et rapports",
      en: "Country-of-origin information: analysis and reporting",
    },
  },
  {
    number: 23,
    group: "SPECIFIC",
    title: {
      nl: "Kwetsbaarheid en bijzondere noden",
      fr: "Vulnérabilité et besoins particuliers",
      en: "Vulnerability and special needs",
    },
  },
  {
    number: 24,
    group: "SPECIFIC",
    title: {
      nl: "Psychosociale ondersteuning en begeleiding",
      fr: "Soutien et accompagnement psychosociaux",
      en: "Psychosocial support and guidance",
    },
  },
  {
    number: 25,
    group: "SPECIFIC",
    title: {
      nl: "Hervestiging: dossiers en missies organiseren en coördineren",
      fr: "Réinstallation : organiser et coordonner dossiers et missions",
      en: "Resettlement: organising and coordinating cases and missions",
    },
  },
  {
    number: 26,
    group: "SPECIFIC",
    title: {
      nl: "Hervestiging: aanbevelingen voor de selectie van dossiers",
      fr: "Réinstallation : recommandations pour la sélection des dossiers",
      en: "Resettlement: recommending cases for selection",
    },
  },
  {
    number: 27,
    group: "SPECIFIC",
    title: {
      nl: "Kwaliteitsborging asiel en opvang: evalueren en verbeteren",
      fr: "Assurance qualité asile et accueil : évaluer et améliorer",
      en: "Quality assurance in asylum and reception: evaluating and improving",
    },
  },
  {
    // Row missing from the source document; title filled in plausibly.
    number: 28,
    group: "SPECIFIC",
    title: {
      nl: "Kwaliteitsborging asiel en opvang: opvolgen en terugkoppelen",
      fr: "Assurance qualité asile et accueil : suivi et retour d'information",
      en: "Quality assurance in asylum and reception: monitoring and feedback",
    },
  },

  // ── Competenties op het gebied van toezicht en management ──
  {
    number: 29,
    group: "MANAGEMENT",
    title: {
      nl: "Personeelsmanagement: HR-processen en personeelsplanning",
      fr: "Gestion du personnel : processus RH et planification des effectifs",
      en: "Human resources management: HR processes and workforce planning",
    },
  },
  {
    number: 30,
    group: "MANAGEMENT",
    title: {
      nl: "Personeelsmanagement: personeelsgegevens bijhouden en analyseren",
      fr: "Gestion du personnel : tenue et analyse des données du personnel",
      en: "Human resources management: keeping and analysing staff records",
    },
  },
  {
    number: 31,
    group: "MANAGEMENT",
    title: {
      nl: "Leren en ontwikkeling: ontwikkelingsnoden en -plannen",
      fr: "Apprentissage et développement : besoins et plans de développement",
      en: "Learning and development: development needs and plans",
    },
  },
  {
    number: 32,
    group: "MANAGEMENT",
    title: {
      nl: "Leren en ontwikkeling: opleidingen geven en ontwerpen",
      fr: "Apprentissage et développement : dispenser et concevoir des formations",
      en: "Learning and development: delivering and designing training",
    },
  },
  {
    number: 33,
    group: "MANAGEMENT",
    title: {
      nl: "Leiderschap en management: teams aansturen en motiveren",
      fr: "Leadership et management : diriger et motiver des équipes",
      en: "Leadership and management: leading and motivating teams",
    },
  },
  {
    number: 34,
    group: "MANAGEMENT",
    title: {
      nl: "Leiderschap en management: veranderingen leiden",
      fr: "Leadership et management : conduite du changement",
      en: "Leadership and management: leading change",
    },
  },
  {
    number: 35,
    group: "MANAGEMENT",
    title: {
      nl: "Strategie en planning",
      fr: "Stratégie et planification",
      en: "Strategy and planning",
    },
  },
  {
    number: 36,
    group: "MANAGEMENT",
    title: {
      nl: "Kwaliteitsbeheer",
      fr: "Gestion de la qualité",
      en: "Quality management",
    },
  },
  {
    number: 37,
    group: "MANAGEMENT",
    title: {
      nl: "Financieel beheer",
      fr: "Gestion financière",
      en: "Financial management",
    },
  },
];
