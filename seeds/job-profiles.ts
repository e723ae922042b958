/**
 * Function profiles for the posts of the 2021 asylum-and-migration recruitment campaign.
 * All prose below is the project's own wording (paraphrased), in nl, fr and en.
 *
 * Sources:
 * - 000_86f31bca65e65b8d.txt: function description "Attaché terugkeercoach" (NBV001). Taken from it: function
 *   code, level A, class A1, function family "Begeleiders", professional category "11. Bevolking en Veiligheid
 *   (BV)", purpose, the five result areas with their example tasks, reporting line (centre director or head of
 *   service) and 0 staff managed.
 * - 003_9c183c1c4f488c27.txt: press release naming the other posts (security escorts, migration and protection
 *   officers for labour migration, Dublin and international protection, social and psychological assistants,
 *   lawyers for the Migration Code).
 * - 002_ec964ee7dcb59eda.txt: the resettlement programme the social assistant (NBV104) takes part in (150 to 300
 *   refugees selected by UNHCR, coordinated by Fedasil with local welfare centres (OCMW) and supporting NGOs). That
 *   document is an NGO's (Convivial's) own vacancy: its requirements (perfect Dutch, good French, Arabic an asset, a
 *   driving licence) are that NGO's and are not used for Fedasil's posts.
 *
 * Filled in plausibly because the documents leave them open:
 * - NBV001: the French and English translations of family and category, the diploma and language requirements,
 *   the salary scale (A11, from class A1) and the competencies (the document only refers to the Crescendo
 *   competency tools, without listing any).
 * - Every other profile (NBV101-NBV107) is invented as a whole: function codes (prefixed like NBV001), levels
 *   and classes as stated in the project brief, family, professional category (each profile its own, unnumbered:
 *   only NBV001's "11. Bevolking en Veiligheid (BV)" comes from a document), purpose, reporting line, result areas,
 *   tasks, diplomas, languages, salary scales and competencies.
 * - Language requirements are what a profile asks beyond the language of the post: the vacancy's language regime
 *   decides whether the post is Dutch, French, German or bilingual (Vacancy.languageRequirement says so).
 * - Competencies reference the competence-area numbers 1..37 of competence-areas.ts with complexity A/B/C.
 * - Salary scale codes refer to salary-scales.ts: federal scales A11, B11 and C11, all illustrative (no document
 *   gives federal amounts).
 * The profile shape has no agency field; the agency each profile belongs to is noted in a comment above it.
 */
import type { JobProfileSeed, LocalizedText } from "./types";

const categoryPopulationSecurity: LocalizedText = {
  nl: "11. Bevolking en Veiligheid (BV)",
  fr: "11. Population et Sécurité",
  en: "11. Population and Security",
};

const categorySecurity: LocalizedText = {
  nl: "Veiligheid en toezicht",
  fr: "Sécurité et surveillance",
  en: "Security and supervision",
};

const categoryCasework: LocalizedText = {
  nl: "Dossierbehandeling asiel en migratie",
  fr: "Traitement des dossiers d'asile et de migration",
  en: "Asylum and migration casework",
};

const categorySocialWork: LocalizedText = {
  nl: "Sociaal werk",
  fr: "Travail social",
  en: "Social work",
};

const categoryPsychology: LocalizedText = {
  nl: "Psychologie en psychosociale begeleiding",
  fr: "Psychologie et accompagnement psychosocial",
  en: "Psychology and psychosocial support",
};

const categoryLegal: LocalizedText = {
  nl: "Juridische expertise",
  fr: "Expertise juridique",
  en: "Legal expertise",
};

const familyCounsellors: LocalizedText = {
  nl: "Begeleiders",
  fr: "Accompagnateurs",
  en: "Counsellors",
};

const familyCaseHandlers: LocalizedText = {
  nl: "Dossierbeheerders",
  fr: "Gestionnaires de dossiers",
  en: "Case handlers",
};

const familyLawyers: LocalizedText = {
  nl: "Juristen",
  fr: "Juristes",
  en: "Lawyers",
};

const masterDegree: LocalizedText = {
  nl: "Masterdiploma (of een gelijkwaardig diploma dat toegang geeft tot niveau A)",
  fr: "Diplôme de master (ou diplôme équivalent donnant accès au niveau A)",
  en: "Master's degree (or an equivalent degree giving access to level A)",
};

const lawMasterDegree: LocalizedText = {
  nl: "Master in de rechten",
  fr: "Master en droit",
  en: "Master's degree in law",
};

const languageRoleStandard: LocalizedText = {
  nl: "Nederlands of Frans (taalrol); kennis van de andere landstaal en van het Engels is een troef",
  fr: "Néerlandais ou français (rôle linguistique) ; la connaissance de l'autre langue nationale et de l'anglais est un atout",
  en: "Dutch or French (language role); knowledge of the other national language and of English is an asset",
};

const languageRoleWithEnglish: LocalizedText = {
  nl: "Nederlands of Frans (taalrol); goede kennis van het Engels; kennis van de andere landstaal is een troef",
  fr: "Néerlandais ou français (rôle linguistique) ; bonne connaissance de l'anglais ; la connaissance de l'autre langue nationale est un atout",
  en: "Dutch or French (language role); good English; knowledge of the other national language is an asset",
};

export const jobProfiles: JobProfileSeed[] = [
  // ── DVZ — from 000_86f31bca65e65b8d.txt ──
  {
    functionCode: "NBV001",
    title: {
      nl: "Attaché terugkeercoach",
      fr: "Attaché coach au retour",
      en: "Attaché return coach",
    },
    level: "A",
    class: "A1",
    functionFamily: familyCounsellors,
    professionalCategory: categoryPopulationSecurity,
    purpose: {
      nl: "Mensen die België moeten verlaten opvolgen en ondersteunen, hen ervan overtuigen mee te werken aan hun terugkeer en die terugkeer samen met hen voorbereiden, zodat hun vertrek effectief is en zo menswaardig mogelijk verloopt.",
      fr: "Suivre et soutenir les personnes qui doivent quitter la Belgique, les convaincre de collaborer à leur retour et préparer ce retour avec elles, afin que leur départ soit effectif et se déroule de la manière la plus humaine possible.",
      en: "Follow up and support people who have to leave Belgium, persuade them to cooperate with their return and prepare that return with them, so that their departure is effective and as humane as possible.",
    },
    reportsTo: {
      nl: "De centrumdirecteur of het hoofd van de dienst",
      fr: "Le directeur du centre ou le chef du service",
      en: "The centre director or the head of service",
    },
    managesCount: 0,
    diplomaRequirement: masterDegree,
    languageRequirement: languageRoleStandard,
    salaryScaleCode: "A11",
    resultAreas: [
      {
        role: {
          nl: "Als coach en begeleider",
          fr: "En tant que coach et accompagnateur",
          en: "As coach",
        },
        aim: {
          nl: "Mensen die het land moeten of willen verlaten bijstaan en hun duidelijk maken wat hun rechten en plichten zijn, om hun medewerking aan de terugkeer te winnen.",
          fr: "Assister les personnes qui doivent ou souhaitent quitter le pays et leur expliquer clairement leurs droits et obligations, afin d'obtenir leur collaboration au retour.",
          en: "Assist people who must or wish to leave the country and make their rights and duties clear to them, in order to win their cooperation with the return.",
        },
        tasks: [
          {
            nl: "Juridische, administratieve en praktische uitleg en hulp geven over de mogelijkheden van vrijwillige en gedwongen terugkeer",
            fr: "Fournir explications et aide juridiques, administratives et pratiques sur les possibilités de retour volontaire et forcé",
            en: "Give legal, administrative and practical explanations and help on the options for voluntary and enforced return",
          },
          {
            nl: "Met sterke, goed opgebouwde argumenten aansturen op terugkeer en de betrokkene geregeld informeren over hoe zijn dossier vordert",
            fr: "Plaider pour le retour avec des arguments solides et bien construits et informer régulièrement la personne de l'avancement de son dossier",
            en: "Make a well-built case for return and keep the person regularly informed of how their file is progressing",
          },
          {
            nl: "Obstakels die de terugkeer verhinderen uit de weg ruimen",
            fr: "Lever les obstacles qui empêchent le retour",
            en: "Remove the obstacles that stand in the way of return",
          },
          {
            nl: "Inschatten of een of meer gezinsleden extra begeleiding nodig hebben of tijdelijk apart moeten verblijven, en daarover een voorstel doen aan de hiërarchie",
            fr: "Évaluer si un ou plusieurs membres de la famille ont besoin d'un accompagnement renforcé ou d'un hébergement séparé temporaire, et soumettre une proposition à la hiérarchie",
            en: "Judge whether one or more family members need extra support or temporary separation, and put a proposal to management",
          },
          {
            nl: "De betrokkenen klaarmaken voor hun vertrek",
            fr: "Préparer les personnes concernées à leur départ",
            en: "Get the people concerned ready for their departure",
          },
        ],
      },
      {
        role: {
          nl: "Als expert en dossierbeheerder",
          fr: "En tant qu'expert et gestionnaire de dossiers",
          en: "As expert and case manager",
        },
        aim: {
          nl: "Alle ondersteunende stappen zetten en de beslissingen nemen die de praktische afwikkeling van de terugkeer vraagt, zodat de verwijdering uit België kan worden uitgevoerd.",
          fr: "Accomplir toutes les démarches de soutien et prendre les décisions qu'exige l'organisation pratique du retour, afin que l'éloignement du territoire belge puisse être exécuté.",
          en: "Take every supporting step and make the decisions that the practical handling of the return requires, so that removal from Belgian territory can be carried out.",
        },
        tasks: [
          {
            nl: "Bruikbare informatie verzamelen en analyseren, onder meer uit het administratief dossier en uit gesprekken met de betrokkenen, en ze bezorgen aan de bevoegde diensten",
            fr: "Rassembler et analyser les informations utiles, notamment à partir du dossier administratif et d'entretiens avec les intéressés, et les transmettre aux services compétents",
            en: "Gather and analyse useful information, including from the administrative file and from interviews with the people concerned, and pass it on to the competent services",
          },
          {
            nl: "Per situatie beslissen of de Internationale Organisatie voor Migratie (IOM) wordt ingeschakeld, en het IOM-dossier afhandelen",
            fr: "Décider au cas par cas de faire appel à l'Organisation internationale pour les migrations (OIM) et traiter le dossier OIM",
            en: "Decide case by case whether to involve the International Organization for Migration (IOM), and handle the IOM file",
          },
          {
            nl: "Het verblijf in België afronden en de terugkeer voorbereiden, met aandacht voor dossiers die extra zorg vragen en voor specifieke noden in het herkomstland, en de procedures opvolgen",
            fr: "Clôturer le séjour en Belgique et préparer le retour, en veillant aux dossiers nécessitant des soins particuliers et aux besoins spécifiques dans le pays d'origine, et assurer le suivi des procédures",
            en: "Close the stay in Belgium and prepare the return, paying attention to cases needing extra care and to specific needs in the country of origin, and follow up the procedures",
          },
          {
            nl: "De asielprocedure toelichten, de vereiste documenten opmaken en ondertekenen en negatieve beslissingen betekenen",
            fr: "Expliquer la procédure d'asile, établir et signer les documents requis et notifier les décisions négatives",
            en: "Explain the asylum procedure, prepare and sign the required documents and serve negative decisions",
          },
          {
            nl: "Als de terugkeer niet doorgaat, de bevoegde personen en diensten verwittigen en mogelijke oplossingen aanreiken",
            fr: "Si le retour n'a pas lieu, prévenir les personnes et services compétents et proposer des pistes de solution",
            en: "If the return does not go ahead, alert the competent people and services and suggest possible solutions",
          },
        ],
      },
      {
        role: {
          nl: "Als extern contactpersoon",
          fr: "En tant que personne de contact externe",
          en: "As external contact",
        },
        aim: {
          nl: "Schakel zijn tussen de Belgische overheid en de publieke, private en andere partners die bij de terugkeer betrokken zijn, zodat die zo goed en zo humaan mogelijk georganiseerd wordt.",
          fr: "Faire le lien entre les autorités belges et les partenaires publics, privés et autres associés au retour, afin que celui-ci soit organisé de la manière la plus adéquate et la plus humaine possible.",
          en: "Act as the link between the Belgian authorities and the public, private and other partners involved in the return, so that it is organised as appropriately and humanely as possible.",
        },
        tasks: [
          {
            nl: "Zelfstandig onderhandelen en bemiddelen met de betrokken partijen om knelpunten bij verblijf en terugkeer op te lossen",
            fr: "Négocier et servir d'intermédiaire de façon autonome avec les parties concernées pour résoudre les difficultés liées au séjour et au retour",
            en: "Negotiate and mediate independently with the parties involved to resolve problems with the stay and the return",
          },
          {
            nl: "Beslissingen in belangrijke dossiers meedelen",
            fr: "Communiquer les décisions prises dans les dossiers importants",
            en: "Communicate decisions in major cases",
          },
          {
            nl: "Binnen- en buitenlandse delegaties ontvangen, rondleiden en informeren",
            fr: "Recevoir, guider et informer des délégations belges et étrangères",
            en: "Host, show round and brief domestic and foreign delegations",
          },
          {
            nl: "Vergaderingen organiseren en eraan deelnemen",
            fr: "Organiser des réunions et y participer",
            en: "Organise and attend meetings",
          },
        ],
      },
      {
        role: {
          nl: "Als intern contactpersoon",
          fr: "En tant que personne de contact interne",
          en: "As internal contact",
        },
        aim: {
          nl: "Leidinggevenden en collega's geregeld op de hoogte brengen van het werk en de resultaten, zodat zij de belangrijkste dossiers kunnen volgen.",
          fr: "Informer régulièrement les responsables et les collègues du travail accompli et des résultats, afin qu'ils puissent suivre les dossiers les plus importants.",
          en: "Keep managers and colleagues regularly informed of the work and its results, so they can follow the most important cases.",
        },
        tasks: [
          {
            nl: "De hiërarchie adviseren over beleidsvragen, zoals escortes, de regularisatie van een gezin of het al dan niet scheiden van gezinsleden",
            fr: "Conseiller la hiérarchie sur des questions de politique, comme les escortes, la régularisation d'une famille ou la nécessité de séparer ou non les membres d'une famille",
            en: "Advise management on policy questions such as escorts, regularising a family or whether a family should be split up",
          },
          {
            nl: "Overleggen met collega's en vergaderingen bijwonen",
            fr: "Se concerter avec les collègues et assister aux réunions",
            en: "Consult colleagues and attend meetings",
          },
          {
            nl: "Verslagen en statistieken maken",
            fr: "Établir des rapports et des statistiques",
            en: "Produce reports and statistics",
          },
          {
            nl: "Beslissingen in belangrijke dossiers uitleggen aan collega's en leidinggevenden",
            fr: "Expliquer aux collègues et aux responsables les décisions prises dans les dossiers importants",
            en: "Explain decisions in major cases to colleagues and managers",
          },
        ],
      },
      {
        role: {
          nl: "Als beheerder van een site (3 tot 7 units)",
          fr: "En tant que gestionnaire d'un site (3 à 7 unités)",
          en: "As site manager (3 to 7 units)",
        },
        aim: {
          nl: "Alles regelen opdat vreemdelingen en hun gezin in afwachting van hun terugkeer naar het herkomstland menswaardig kunnen wonen, en zo het overheidsbeleid voor een humane terugkeer in de praktijk brengen.",
          fr: "Prendre toutes les mesures pour que les étrangers et leur famille puissent séjourner dignement en attendant leur retour dans le pays d'origine, et traduire ainsi dans les faits la politique publique de retour dans des conditions humaines.",
          en: "Arrange everything needed for foreign nationals and their families to live in dignity while awaiting return to their country of origin, putting the government's policy of humane return into practice.",
        },
        tasks: [
          {
            nl: "Zorgen dat de site goed draait: aankopen en betalingen, boekhouding, leveranciers, voorraad, logistiek en de budgetten van de bewoners",
            fr: "Veiller au bon fonctionnement du site : achats et paiements, comptabilité, fournisseurs, stocks, logistique et budgets des résidents",
            en: "Keep the site running well: purchasing and payments, accounts, suppliers, stock, logistics and residents' budgets",
          },
          {
            nl: "Beslissen om regels van het huishoudelijk reglement af te stemmen op het gedrag van een bepaald gezin",
            fr: "Décider d'adapter des règles du règlement d'ordre intérieur en fonction du comportement d'une famille",
            en: "Decide to adjust the house rules in light of a particular family's behaviour",
          },
          {
            nl: "Crisissituaties op de site beheersen en passende maatregelen nemen",
            fr: "Gérer les situations de crise sur le site et prendre les mesures appropriées",
            en: "Handle crises on the site and take appropriate measures",
          },
        ],
      },
    ],
    competencies: [
      { area: 1, level: "B" },
      { area: 3, level: "B" },
      { area: 4, level: "B" },
      { area: 6, level: "B" },
      { area: 10, level: "B" },
      { area: 15, level: "B" },
      { area: 23, level: "B" },
      { area: 37, level: "A" },
    ],
  },

  // ── DVZ — filled in plausibly (press release 003: first wave, 55 security escorts) ──
  {
    functionCode: "NBV101",
    title: {
      nl: "Veiligheidsbegeleider",
      fr: "Accompagnateur de sécurité",
      en: "Security escort",
    },
    level: "C",
    class: "C",
    functionFamily: familyCounsellors,
    professionalCategory: categorySecurity,
    purpose: {
      nl: "Zorgen voor een veilige en rustige leefomgeving in een gesloten centrum of woonunit en bewoners begeleiden bij verplaatsingen, zodat hun verblijf en hun terugkeer veilig en met respect verlopen.",
      fr: "Veiller à un cadre de vie sûr et calme dans un centre fermé ou un lieu d'hébergement et accompagner les résidents lors de leurs déplacements, afin que leur séjour et leur retour se déroulent en sécurité et dans le respect.",
      en: "Keep a closed centre or housing unit safe and calm and accompany residents when they travel, so that their stay and their return take place safely and respectfully.",
    },
    reportsTo: {
      nl: "De ploegverantwoordelijke van het centrum",
      fr: "Le responsable d'équipe du centre",
      en: "The centre's team leader",
    },
    managesCount: 0,
    diplomaRequirement: {
      nl: "Diploma hoger secundair onderwijs (of gelijkwaardig)",
      fr: "Diplôme de l'enseignement secondaire supérieur (ou équivalent)",
      en: "Upper secondary school diploma (or equivalent)",
    },
    languageRequirement: languageRoleStandard,
    salaryScaleCode: "C11",
    resultAreas: [
      {
        role: {
          nl: "Als begeleider",
          fr: "En tant qu'accompagnateur",
          en: "As escort",
        },
        aim: {
          nl: "Bewoners tijdens hun verblijf en bij verplaatsingen van nabij volgen, zodat zij zich veilig voelen en afspraken nakomen.",
          fr: "Suivre de près les résidents pendant leur séjour et lors de leurs déplacements, pour qu'ils se sentent en sécurité et respectent ce qui a été convenu.",
          en: "Closely follow residents during their stay and when they travel, so that they feel safe and keep to what was agreed.",
        },
        tasks: [
          {
            nl: "Bewoners begeleiden naar afspraken buiten het centrum, zoals in het ziekenhuis, bij de rechtbank of op een ambassade",
            fr: "Accompagner les résidents à leurs rendez-vous hors du centre, par exemple à l'hôpital, au tribunal ou à une ambassade",
            en: "Accompany residents to appointments outside the centre, such as hospital, court or embassy visits",
          },
          {
            nl: "Het dagelijks leven in de leefgroep opvolgen en bewoners aanspreken op de huisregels",
            fr: "Suivre la vie quotidienne du groupe et rappeler le règlement d'ordre intérieur aux résidents",
            en: "Follow daily life in the living group and remind residents of the house rules",
          },
          {
            nl: "Vragen en zorgen van bewoners opvangen en doorgeven aan de sociale of medische dienst",
            fr: "Recueillir les questions et préoccupations des résidents et les transmettre au service social ou médical",
            en: "Pick up residents' questions and concerns and pass them on to the social or medical service",
          },
        ],
      },
      {
        role: {
          nl: "Als veiligheidsmedewerker",
          fr: "En tant qu'agent de sécurité",
          en: "As security officer",
        },
        aim: {
          nl: "Risico's voor bewoners, personeel en bezoekers voorkomen en snel ingrijpen bij incidenten, om orde en veiligheid op de site te bewaren.",
          fr: "Prévenir les risques pour les résidents, le personnel et les visiteurs et intervenir rapidement en cas d'incident, afin de maintenir l'ordre et la sécurité sur le site.",
          en: "Prevent risks to residents, staff and visitors and act quickly when incidents occur, to keep order and safety on the site.",
        },
        tasks: [
          {
            nl: "Rondes lopen en toegangen, bezoeken en bagage controleren",
            fr: "Effectuer des rondes et contrôler les accès, les visites et les bagages",
            en: "Patrol the site and check access, visits and luggage",
          },
          {
            nl: "Spanningen tijdig opmerken en conflicten tussen bewoners de-escaleren",
            fr: "Repérer les tensions à temps et désamorcer les conflits entre résidents",
            en: "Spot tension early and de-escalate conflicts between residents",
          },
          {
            nl: "Bij een incident de veiligheidsprocedures toepassen en de hulpdiensten of de leiding verwittigen",
            fr: "En cas d'incident, appliquer les procédures de sécurité et prévenir les services de secours ou la direction",
            en: "Apply the safety procedures in an incident and alert the emergency services or management",
          },
        ],
      },
      {
        role: {
          nl: "Als rapporteur",
          fr: "En tant que rapporteur",
          en: "As reporter",
        },
        aim: {
          nl: "Waarnemingen en incidenten nauwkeurig vastleggen, zodat collega's en leidinggevenden op juiste informatie kunnen steunen.",
          fr: "Consigner avec précision observations et incidents, afin que collègues et responsables disposent d'informations fiables.",
          en: "Record observations and incidents accurately so colleagues and managers can rely on correct information.",
        },
        tasks: [
          {
            nl: "Incidentverslagen en dagrapporten opstellen",
            fr: "Rédiger des rapports d'incident et des rapports journaliers",
            en: "Write incident reports and daily logs",
          },
          {
            nl: "Relevante gegevens invoeren in de registratiesystemen van het centrum",
            fr: "Encoder les données utiles dans les systèmes d'enregistrement du centre",
            en: "Enter relevant data in the centre's recording systems",
          },
          {
            nl: "Collega's bij de ploegwissel briefen over lopende situaties",
            fr: "Informer les collègues des situations en cours lors du changement d'équipe",
            en: "Brief colleagues on ongoing situations at shift handover",
          },
        ],
      },
    ],
    competencies: [
      { area: 3, level: "A" },
      { area: 6, level: "A" },
      { area: 7, level: "A" },
      { area: 9, level: "B" },
      { area: 10, level: "B" },
      { area: 12, level: "A" },
      { area: 23, level: "A" },
    ],
  },

  // ── DVZ — filled in plausibly (press release 003: labour migration 15, Dublin procedure 33) ──
  {
    functionCode: "NBV102",
    title: {
      nl: "Attaché migration officer (arbeidsmigratie en Dublin)",
      fr: "Attaché migration officer (migration économique et Dublin)",
      en: "Attaché migration officer (labour migration and Dublin)",
    },
    level: "A",
    class: "A1",
    functionFamily: familyCaseHandlers,
    professionalCategory: categoryCasework,
    purpose: {
      nl: "Aanvragen tot verblijf onderzoeken, vooral om in België te komen werken, en nagaan welke Europese lidstaat een asielverzoek moet behandelen, zodat betrokkenen snel een correcte en goed gemotiveerde beslissing krijgen.",
      fr: "Examiner les demandes de séjour, notamment pour venir travailler en Belgique, et déterminer quel État membre européen doit traiter une demande d'asile, afin que les personnes concernées reçoivent rapidement une décision correcte et bien motivée.",
      en: "Examine residence applications, in particular to come and work in Belgium, and establish which European Member State must handle an asylum application, so that the people concerned quickly receive a correct, well-reasoned decision.",
    },
    reportsTo: {
      nl: "Het hoofd van de cel arbeidsmigratie of van de Dublin-cel",
      fr: "Le chef de la cellule migration économique ou de la cellule Dublin",
      en: "The head of the labour-migration unit or of the Dublin unit",
    },
    managesCount: 0,
    diplomaRequirement: {
      nl: "Masterdiploma, bij voorkeur in de rechten, criminologie of politieke en sociale wetenschappen",
      fr: "Diplôme de master, de préférence en droit, en criminologie ou en sciences politiques et sociales",
      en: "Master's degree, preferably in law, criminology or political and social sciences",
    },
    languageRequirement: languageRoleWithEnglish,
    salaryScaleCode: "A11",
    resultAreas: [
      {
        role: {
          nl: "Als dossierbehandelaar arbeidsmigratie",
          fr: "En tant que gestionnaire de dossiers migration économique",
          en: "As labour-migration case handler",
        },
        aim: {
          nl: "Nagaan of werknemers en zelfstandigen van buiten de EU voldoen aan de voorwaarden om in België te verblijven en te werken, om vlot en rechtszeker te beslissen.",
          fr: "Vérifier si les travailleurs salariés et indépendants de pays tiers remplissent les conditions pour séjourner et travailler en Belgique, afin de décider rapidement et en toute sécurité juridique.",
          en: "Check whether employees and self-employed people from outside the EU meet the conditions to live and work in Belgium, so that decisions are quick and legally sound.",
        },
        tasks: [
          {
            nl: "Aanvragen en bewijsstukken controleren op volledigheid en echtheid",
            fr: "Vérifier l'exhaustivité et l'authenticité des demandes et des pièces justificatives",
            en: "Check applications and supporting documents for completeness and authenticity",
          },
          {
            nl: "De verblijfsvoorwaarden toetsen en een gemotiveerd ontwerp van beslissing opstellen",
            fr: "Examiner les conditions de séjour et rédiger un projet de décision motivé",
            en: "Test the residence conditions and draft a reasoned decision",
          },
          {
            nl: "Afstemmen met de gewestelijke diensten die de arbeidstoelating geven",
            fr: "Se concerter avec les services régionaux qui délivrent l'autorisation de travail",
            en: "Coordinate with the regional services that issue work authorisations",
          },
        ],
      },
      {
        role: {
          nl: "Als Dublin-expert",
          fr: "En tant qu'expert Dublin",
          en: "As Dublin expert",
        },
        aim: {
          nl: "Bepalen welke lidstaat verantwoordelijk is voor een verzoek om internationale bescherming, zodat parallelle procedures in de EU worden vermeden.",
          fr: "Déterminer quel État membre est responsable d'une demande de protection internationale, afin d'éviter des procédures parallèles dans l'UE.",
          en: "Determine which Member State is responsible for an application for international protection, so that parallel procedures within the EU are avoided.",
        },
        tasks: [
          {
            nl: "Eurodac-resultaten, visa en reisroutes analyseren",
            fr: "Analyser les résultats Eurodac, les visas et les itinéraires de voyage",
            en: "Analyse Eurodac hits, visas and travel routes",
          },
          {
            nl: "Verzoeken tot overname of terugname opstellen en de antwoorden van andere lidstaten opvolgen",
            fr: "Rédiger les demandes de prise ou de reprise en charge et suivre les réponses des autres États membres",
            en: "Draft take-charge and take-back requests and follow up the replies of other Member States",
          },
          {
            nl: "Het Dublin-gehoor afnemen en de overdrachtsbeslissing motiveren",
            fr: "Mener l'audition Dublin et motiver la décision de transfert",
            en: "Conduct the Dublin interview and give reasons for the transfer decision",
          },
          {
            nl: "Beoordelen of vasthouding met het oog op overdracht nodig en evenredig is",
            fr: "Évaluer si un maintien en vue du transfert est nécessaire et proportionné",
            en: "Assess whether holding someone pending transfer is necessary and proportionate",
          },
        ],
      },
      {
        role: {
          nl: "Als contactpersoon",
          fr: "En tant que personne de contact",
          en: "As contact person",
        },
        aim: {
          nl: "Informatie uitwisselen met interne en externe partners, zodat dossiers niet blijven liggen.",
          fr: "Échanger des informations avec les partenaires internes et externes afin que les dossiers ne restent pas en suspens.",
          en: "Exchange information with internal and external partners so that cases do not stall.",
        },
        tasks: [
          {
            nl: "Vragen van aanvragers, werkgevers en advocaten beantwoorden",
            fr: "Répondre aux questions des demandeurs, des employeurs et des avocats",
            en: "Answer questions from applicants, employers and lawyers",
          },
          {
            nl: "Gegevens delen met Dublin-eenheden in andere lidstaten, binnen de regels voor gegevensbescherming",
            fr: "Partager des données avec les unités Dublin d'autres États membres, dans le respect de la protection des données",
            en: "Share data with Dublin units in other Member States within data-protection rules",
          },
          {
            nl: "Knelpunten en cijfers rapporteren aan de leidinggevende",
            fr: "Signaler les difficultés et communiquer les chiffres au responsable",
            en: "Report bottlenecks and figures to the line manager",
          },
        ],
      },
    ],
    competencies: [
      { area: 1, level: "B" },
      { area: 4, level: "A" },
      { area: 5, level: "B" },
      { area: 11, level: "B" },
      { area: 13, level: "A" },
      { area: 17, level: "B" },
      { area: 20, level: "B" },
    ],
  },

  // ── CGVS — filled in plausibly (press release 003: international-protection case handling 55) ──
  {
    functionCode: "NBV103",
    title: {
      nl: "Attaché protection officer (internationale bescherming)",
      fr: "Attaché protection officer (protection internationale)",
      en: "Attaché protection officer (international protection)",
    },
    level: "A",
    class: "A1",
    functionFamily: familyCaseHandlers,
    professionalCategory: categoryCasework,
    purpose: {
      nl: "Verzoeken om internationale bescherming onderzoeken door verzoekers te horen en hun verklaringen en bewijzen te toetsen, om binnen een redelijke termijn een gefundeerde beslissing over de vluchtelingenstatus of de subsidiaire bescherming voor te bereiden.",
      fr: "Instruire les demandes de protection internationale en entendant les demandeurs et en examinant leurs déclarations et leurs preuves, afin de préparer dans un délai raisonnable une décision fondée sur le statut de réfugié ou la protection subsidiaire.",
      en: "Examine applications for international protection by interviewing applicants and weighing their statements and evidence, so as to prepare, within a reasonable time, a well-founded decision on refugee status or subsidiary protection.",
    },
    reportsTo: {
      nl: "De supervisor van de geografische sectie",
      fr: "Le superviseur de la section géographique",
      en: "The supervisor of the geographical section",
    },
    managesCount: 0,
    diplomaRequirement: masterDegree,
    languageRequirement: languageRoleWithEnglish,
    salaryScaleCode: "A11",
    resultAreas: [
      {
        role: {
          nl: "Als interviewer",
          fr: "En tant qu'interviewer",
          en: "As interviewer",
        },
        aim: {
          nl: "Persoonlijke onderhouden voorbereiden en afnemen, zodat alle relevante feiten betrouwbaar op tafel komen.",
          fr: "Préparer et mener les entretiens personnels pour que tous les faits pertinents soient établis de manière fiable.",
          en: "Prepare and conduct personal interviews so that all relevant facts come out reliably.",
        },
        tasks: [
          {
            nl: "Het dossier en de toestand in het herkomstland bestuderen vóór het gehoor",
            fr: "Étudier le dossier et la situation dans le pays d'origine avant l'audition",
            en: "Study the file and the situation in the country of origin before the interview",
          },
          {
            nl: "Het gehoor afnemen met een tolk, met oog voor kwetsbaarheid en culturele verschillen",
            fr: "Mener l'audition avec un interprète, en tenant compte de la vulnérabilité et des différences culturelles",
            en: "Conduct the interview with an interpreter, mindful of vulnerability and cultural differences",
          },
          {
            nl: "Een volledig en getrouw verslag van het gehoor maken",
            fr: "Rédiger un compte rendu complet et fidèle de l'audition",
            en: "Produce a complete and faithful record of the interview",
          },
        ],
      },
      {
        role: {
          nl: "Als beslisser",
          fr: "En tant que décideur",
          en: "As decision-maker",
        },
        aim: {
          nl: "Verklaringen, documenten en herkomstlandeninformatie tegen elkaar afwegen, om een juridisch en feitelijk sluitende beslissing voor te stellen.",
          fr: "Confronter déclarations, documents et informations sur les pays d'origine afin de proposer une décision juridiquement et factuellement solide.",
          en: "Weigh statements, documents and country information against each other to propose a decision that holds up in law and in fact.",
        },
        tasks: [
          {
            nl: "De geloofwaardigheid van het relaas en van de bewijsstukken beoordelen",
            fr: "Évaluer la crédibilité du récit et des pièces",
            en: "Assess the credibility of the account and of the evidence",
          },
          {
            nl: "Nagaan of de vluchtelingenstatus of de subsidiaire bescherming moet worden toegekend, geweigerd of ingetrokken",
            fr: "Déterminer si le statut de réfugié ou la protection subsidiaire doit être accordé, refusé ou retiré",
            en: "Establish whether refugee status or subsidiary protection should be granted, refused or withdrawn",
          },
          {
            nl: "Een gemotiveerde ontwerpbeslissing schrijven",
            fr: "Rédiger un projet de décision motivé",
            en: "Write a reasoned draft decision",
          },
          {
            nl: "Beslissingen mee verdedigen in beroep, in overleg met de juridische dienst",
            fr: "Contribuer à défendre les décisions en cas de recours, en concertation avec le service juridique",
            en: "Help defend decisions on appeal, together with the legal service",
          },
        ],
      },
      {
        role: {
          nl: "Als expert",
          fr: "En tant qu'expert",
          en: "As expert",
        },
        aim: {
          nl: "Kennis over landen en rechtspraak opbouwen en delen, om de kwaliteit en eenvormigheid van beslissingen te versterken.",
          fr: "Développer et partager la connaissance des pays et de la jurisprudence afin de renforcer la qualité et la cohérence des décisions.",
          en: "Build and share knowledge of countries and case law to improve the quality and consistency of decisions.",
        },
        tasks: [
          {
            nl: "Herkomstlandeninformatie opvragen bij de documentatiedienst en er kritisch mee omgaan",
            fr: "Demander des informations sur les pays d'origine au service de documentation et les utiliser de façon critique",
            en: "Request country-of-origin information from the documentation service and use it critically",
          },
          {
            nl: "Rechtspraak en beleidsinstructies bijhouden",
            fr: "Suivre la jurisprudence et les instructions de politique",
            en: "Keep up with case law and policy instructions",
          },
          {
            nl: "Moeilijke dossiers bespreken met de supervisor en collega's",
            fr: "Discuter des dossiers difficiles avec le superviseur et les collègues",
            en: "Discuss difficult cases with the supervisor and colleagues",
          },
        ],
      },
    ],
    competencies: [
      { area: 1, level: "B" },
      { area: 4, level: "B" },
      { area: 6, level: "B" },
      { area: 18, level: "B" },
      { area: 19, level: "B" },
      { area: 21, level: "A" },
      { area: 23, level: "B" },
    ],
  },

  // ── Fedasil — filled in plausibly; facts on diploma, languages, driving licence and resettlement from 002 ──
  {
    functionCode: "NBV104",
    title: {
      nl: "Maatschappelijk assistent",
      fr: "Assistant social",
      en: "Social assistant",
    },
    level: "B",
    class: "B",
    functionFamily: familyCounsellors,
    professionalCategory: categorySocialWork,
    purpose: {
      nl: "Verzoekers om internationale bescherming en hervestigde vluchtelingen sociaal begeleiden tijdens hun opvang en hun eerste stappen in België, zodat zij hun rechten kennen, hun weg vinden en zelfstandig worden.",
      fr: "Accompagner socialement les demandeurs de protection internationale et les réfugiés réinstallés pendant leur accueil et leurs premiers pas en Belgique, afin qu'ils connaissent leurs droits, trouvent leur chemin et gagnent en autonomie.",
      en: "Give social guidance to applicants for international protection and resettled refugees during their reception and first steps in Belgium, so that they know their rights, find their way and become self-reliant.",
    },
    reportsTo: {
      nl: "De coördinator sociale begeleiding van het opvangcentrum of van het hervestigingsprogramma",
      fr: "Le coordinateur de l'accompagnement social du centre d'accueil ou du programme de réinstallation",
      en: "The social-work coordinator of the reception centre or of the resettlement programme",
    },
    managesCount: 0,
    diplomaRequirement: {
      nl: "Bachelor maatschappelijk assistent of een ander bachelordiploma in het sociaal werk",
      fr: "Bachelier assistant social ou autre diplôme de bachelier en travail social",
      en: "Bachelor's degree as social assistant or another bachelor's degree in social work",
    },
    languageRequirement: languageRoleStandard,
    salaryScaleCode: "B11",
    resultAreas: [
      {
        role: {
          nl: "Als sociaal begeleider",
          fr: "En tant qu'accompagnateur social",
          en: "As social counsellor",
        },
        aim: {
          nl: "Bewoners individueel opvolgen en helpen met hun sociale, administratieve en praktische vragen, zodat hun rechten gewaarborgd zijn en hun zelfredzaamheid groeit.",
          fr: "Suivre individuellement les résidents et les aider dans leurs démarches sociales, administratives et pratiques, pour garantir leurs droits et renforcer leur autonomie.",
          en: "Follow residents individually and help them with social, administrative and practical matters, so that their rights are secured and their self-reliance grows.",
        },
        tasks: [
          {
            nl: "Intakegesprekken voeren en een begeleidingsplan opstellen",
            fr: "Mener des entretiens d'accueil et établir un plan d'accompagnement",
            en: "Hold intake interviews and draw up a support plan",
          },
          {
            nl: "Bijzondere noden en kwetsbaarheden vaststellen en gepaste hulp inschakelen",
            fr: "Repérer les besoins particuliers et les vulnérabilités et mobiliser l'aide adaptée",
            en: "Identify special needs and vulnerabilities and bring in suitable help",
          },
          {
            nl: "Helpen bij administratieve stappen rond inschrijving, school, gezondheidszorg en werk",
            fr: "Aider aux démarches administratives liées à l'inscription, à l'école, aux soins de santé et à l'emploi",
            en: "Help with administrative steps for registration, school, health care and work",
          },
          {
            nl: "Het sociaal dossier nauwkeurig bijhouden",
            fr: "Tenir le dossier social à jour avec précision",
            en: "Keep the social file accurate and up to date",
          },
        ],
      },
      {
        role: {
          nl: "Als medewerker hervestiging",
          fr: "En tant que collaborateur réinstallation",
          en: "As resettlement worker",
        },
        aim: {
          nl: "Meewerken aan het Belgische hervestigingsprogramma, dat 150 tot 300 door UNHCR geselecteerde kwetsbare vluchtelingen opvangt, zodat hun aankomst en integratie vlot verlopen.",
          fr: "Contribuer au programme belge de réinstallation, qui accueille de 150 à 300 réfugiés vulnérables sélectionnés par le HCR, afin que leur arrivée et leur intégration se passent bien.",
          en: "Contribute to Belgium's resettlement programme, which receives 150 to 300 vulnerable refugees selected by UNHCR, so that their arrival and integration go smoothly.",
        },
        tasks: [
          {
            nl: "De aankomst van hervestigde gezinnen voorbereiden met de OCMW's die hen huisvesten",
            fr: "Préparer l'arrivée des familles réinstallées avec les CPAS qui les hébergent",
            en: "Prepare the arrival of resettled families with the local welfare centres (OCMW/CPAS) that house them",
          },
          {
            nl: "Gezinnen opvolgen via huisbezoeken en gesprekken tijdens hun eerste jaren in België",
            fr: "Suivre les familles par des visites à domicile et des entretiens pendant leurs premières années en Belgique",
            en: "Follow families through home visits and meetings during their first years in Belgium",
          },
          {
            nl: "Samenwerken met de ngo's die de OCMW's ondersteunen en afspraken vastleggen",
            fr: "Collaborer avec les ONG qui soutiennent les CPAS et consigner les accords",
            en: "Work with the NGOs that support the welfare centres and record what was agreed",
          },
          {
            nl: "Groepsbijeenkomsten voor hervestigde gezinnen mee organiseren",
            fr: "Coorganiser des rencontres collectives pour les familles réinstallées",
            en: "Help organise group meetings for resettled families",
          },
        ],
      },
      {
        role: {
          nl: "Als netwerkpartner",
          fr: "En tant que partenaire de réseau",
          en: "As network partner",
        },
        aim: {
          nl: "Een goed netwerk van diensten en organisaties onderhouden, zodat bewoners gericht kunnen worden doorverwezen.",
          fr: "Entretenir un bon réseau de services et d'organisations afin d'orienter les résidents de manière ciblée.",
          en: "Maintain a good network of services and organisations so that residents can be referred to the right place.",
        },
        tasks: [
          {
            nl: "Contact houden met OCMW's, scholen, artsen en advocaten",
            fr: "Rester en contact avec les CPAS, les écoles, les médecins et les avocats",
            en: "Stay in touch with welfare centres, schools, doctors and lawyers",
          },
          {
            nl: "Deelnemen aan het multidisciplinair overleg in het centrum",
            fr: "Participer à la concertation pluridisciplinaire du centre",
            en: "Take part in the centre's multidisciplinary meetings",
          },
          {
            nl: "Situaties en resultaten rapporteren aan de coördinator",
            fr: "Rendre compte des situations et des résultats au coordinateur",
            en: "Report on cases and results to the coordinator",
          },
        ],
      },
    ],
    competencies: [
      { area: 3, level: "B" },
      { area: 5, level: "A" },
      { area: 6, level: "B" },
      { area: 15, level: "B" },
      { area: 23, level: "B" },
      { area: 24, level: "B" },
      { area: 25, level: "A" },
    ],
  },

  // ── Fedasil / CGVS — filled in plausibly (press release 003: second wave from 16 July) ──
  {
    functionCode: "NBV105",
    title: {
      nl: "Psychologisch assistent",
      fr: "Assistant en psychologie",
      en: "Psychological assistant",
    },
    level: "B",
    class: "B",
    functionFamily: familyCounsellors,
    professionalCategory: categoryPsychology,
    purpose: {
      nl: "Het psychisch welzijn van verzoekers opvolgen, signalen van psychische nood tijdig herkennen en laagdrempelige steun bieden, zodat zij hun opvang en procedure zo goed mogelijk kunnen doorlopen.",
      fr: "Suivre le bien-être psychique des demandeurs, repérer à temps les signes de détresse et offrir un soutien accessible, afin qu'ils traversent au mieux leur accueil et leur procédure.",
      en: "Monitor applicants' mental well-being, spot signs of distress early and offer accessible support, so that they can get through reception and the procedure as well as possible.",
    },
    reportsTo: {
      nl: "De coördinerend psycholoog of het hoofd van de psychosociale dienst",
      fr: "Le psychologue coordinateur ou le chef du service psychosocial",
      en: "The coordinating psychologist or the head of the psychosocial service",
    },
    managesCount: 0,
    diplomaRequirement: {
      nl: "Bachelor toegepaste psychologie (of gelijkwaardig)",
      fr: "Bachelier en psychologie appliquée (ou équivalent)",
      en: "Bachelor's degree in applied psychology (or equivalent)",
    },
    languageRequirement: languageRoleWithEnglish,
    salaryScaleCode: "B11",
    resultAreas: [
      {
        role: {
          nl: "Als psychosociaal begeleider",
          fr: "En tant qu'accompagnateur psychosocial",
          en: "As psychosocial counsellor",
        },
        aim: {
          nl: "Verzoekers met psychische klachten ondersteunen, om hun draagkracht te versterken.",
          fr: "Soutenir les demandeurs présentant des difficultés psychiques afin de renforcer leurs ressources.",
          en: "Support applicants with mental-health complaints to strengthen their resilience.",
        },
        tasks: [
          {
            nl: "Screenings en ondersteunende gesprekken voeren, zo nodig met een tolk",
            fr: "Réaliser des dépistages et des entretiens de soutien, au besoin avec un interprète",
            en: "Carry out screenings and supportive talks, with an interpreter where needed",
          },
          {
            nl: "Groepssessies rond stress, slaap en veerkracht begeleiden",
            fr: "Animer des séances de groupe sur le stress, le sommeil et la résilience",
            en: "Run group sessions on stress, sleep and resilience",
          },
          {
            nl: "Doorverwijzen naar gespecialiseerde geestelijke gezondheidszorg en de opvolging verzekeren",
            fr: "Orienter vers des soins de santé mentale spécialisés et en assurer le suivi",
            en: "Refer people to specialised mental-health care and follow up",
          },
        ],
      },
      {
        role: {
          nl: "Als adviseur voor collega's",
          fr: "En tant que conseiller des collègues",
          en: "As adviser to colleagues",
        },
        aim: {
          nl: "Collega's helpen om kwetsbaarheid en trauma mee te nemen in hun werk, zodat opvang en gehoren op de persoon zijn afgestemd.",
          fr: "Aider les collègues à tenir compte de la vulnérabilité et des traumatismes dans leur travail, pour que l'accueil et les auditions soient adaptés à la personne.",
          en: "Help colleagues take vulnerability and trauma into account, so that reception and interviews are adapted to the person.",
        },
        tasks: [
          {
            nl: "Advies geven over aanpassingen voor kwetsbare verzoekers, bijvoorbeeld bij een gehoor",
            fr: "Conseiller sur les aménagements pour les demandeurs vulnérables, par exemple lors d'une audition",
            en: "Advise on adjustments for vulnerable applicants, for instance for an interview",
          },
          {
            nl: "Observaties en verslagen opstellen voor het multidisciplinair team",
            fr: "Rédiger des observations et des rapports pour l'équipe pluridisciplinaire",
            en: "Write observations and reports for the multidisciplinary team",
          },
          {
            nl: "Collega's ondersteunen na ingrijpende gebeurtenissen",
            fr: "Soutenir les collègues après des événements éprouvants",
            en: "Support colleagues after distressing events",
          },
        ],
      },
    ],
    competencies: [
      { area: 3, level: "B" },
      { area: 4, level: "B" },
      { area: 6, level: "B" },
      { area: 8, level: "B" },
      { area: 10, level: "A" },
      { area: 23, level: "B" },
      { area: 24, level: "B" },
    ],
  },

  // ── DVZ / RvV — filled in plausibly (press release 003: later, lawyers for the Migration Code) ──
  {
    functionCode: "NBV106",
    title: {
      nl: "Attaché-jurist Migratiewetboek",
      fr: "Attaché juriste Code de la migration",
      en: "Attaché lawyer, Migration Code",
    },
    level: "A",
    class: "A1",
    functionFamily: familyLawyers,
    professionalCategory: categoryLegal,
    purpose: {
      nl: "Meeschrijven aan een nieuw, samenhangend en leesbaar Migratiewetboek en de bestaande regels daarin onderbrengen, zodat procedures eenvoudiger, sneller en rechtszekerder worden.",
      fr: "Participer à la rédaction d'un nouveau Code de la migration, cohérent et lisible, et y intégrer les règles existantes, afin de rendre les procédures plus simples, plus rapides et plus sûres juridiquement.",
      en: "Help draft a new, coherent and readable Migration Code and bring the existing rules into it, so that procedures become simpler, faster and more legally certain.",
    },
    reportsTo: {
      nl: "Het hoofd van de juridische dienst",
      fr: "Le chef du service juridique",
      en: "The head of the legal service",
    },
    managesCount: 0,
    diplomaRequirement: lawMasterDegree,
    languageRequirement: languageRoleWithEnglish,
    salaryScaleCode: "A11",
    resultAreas: [
      {
        role: {
          nl: "Als wetgevingsjurist",
          fr: "En tant que légiste",
          en: "As legislative drafter",
        },
        aim: {
          nl: "Wetteksten ontwerpen en herschrijven, om de migratieregels te bundelen in één duidelijk wetboek.",
          fr: "Concevoir et réécrire des textes législatifs afin de regrouper les règles migratoires dans un code clair.",
          en: "Draft and rewrite legislative texts to bring the migration rules together in one clear code.",
        },
        tasks: [
          {
            nl: "Bestaande wetten en besluiten inventariseren en knelpunten in kaart brengen",
            fr: "Inventorier les lois et arrêtés existants et recenser les points problématiques",
            en: "Inventory existing acts and decrees and map the problem points",
          },
          {
            nl: "Ontwerpartikelen en memories van toelichting schrijven",
            fr: "Rédiger des projets d'articles et des exposés des motifs",
            en: "Write draft articles and explanatory memoranda",
          },
          {
            nl: "De teksten toetsen aan het Europees recht, de Grondwet en de rechtspraak",
            fr: "Vérifier la conformité des textes au droit européen, à la Constitution et à la jurisprudence",
            en: "Check the texts against EU law, the Constitution and case law",
          },
          {
            nl: "Adviezen van de Raad van State en andere instanties verwerken",
            fr: "Intégrer les avis du Conseil d'État et d'autres instances",
            en: "Process the opinions of the Council of State and other bodies",
          },
        ],
      },
      {
        role: {
          nl: "Als juridisch adviseur",
          fr: "En tant que conseiller juridique",
          en: "As legal adviser",
        },
        aim: {
          nl: "Beleidsmakers en diensten helder juridisch advies geven, zodat beleidskeuzes juridisch onderbouwd zijn.",
          fr: "Fournir aux décideurs et aux services des avis juridiques clairs, afin que les choix politiques reposent sur une base juridique solide.",
          en: "Give policy-makers and services clear legal advice so that policy choices rest on a sound legal basis.",
        },
        tasks: [
          {
            nl: "Juridisch onderzoek doen naar vergelijkbare regelingen in andere lidstaten",
            fr: "Mener des recherches juridiques sur des dispositifs comparables dans d'autres États membres",
            en: "Research comparable rules in other Member States",
          },
          {
            nl: "Nota's met gemotiveerde aanbevelingen opstellen",
            fr: "Rédiger des notes contenant des recommandations motivées",
            en: "Write notes with reasoned recommendations",
          },
          {
            nl: "De gevolgen van nieuwe regels voor de praktijk van DVZ, CGVS, RvV en Fedasil inschatten",
            fr: "Évaluer l'impact des nouvelles règles sur la pratique de l'OE, du CGRA, du CCE et de Fedasil",
            en: "Assess the impact of new rules on the work of DVZ, CGVS, RvV and Fedasil",
          },
        ],
      },
      {
        role: {
          nl: "Als overlegpartner",
          fr: "En tant que partenaire de concertation",
          en: "As consultation partner",
        },
        aim: {
          nl: "Overleg met de betrokken diensten en partners organiseren, zodat het wetboek in de praktijk werkbaar is.",
          fr: "Organiser la concertation avec les services et partenaires concernés, afin que le code soit applicable dans la pratique.",
          en: "Organise consultation with the services and partners concerned so that the code works in practice.",
        },
        tasks: [
          {
            nl: "Werkgroepen met experts van de asiel- en migratiediensten voorbereiden en verslaan",
            fr: "Préparer des groupes de travail avec des experts des services d'asile et de migration et en rédiger le compte rendu",
            en: "Prepare and minute working groups with experts from the asylum and migration services",
          },
          {
            nl: "Opmerkingen van belanghebbenden verzamelen en verwerken",
            fr: "Recueillir et traiter les remarques des parties prenantes",
            en: "Collect and process stakeholders' comments",
          },
        ],
      },
    ],
    competencies: [
      { area: 1, level: "C" },
      { area: 2, level: "C" },
      { area: 3, level: "B" },
      { area: 5, level: "B" },
      { area: 13, level: "B" },
    ],
  },

  // ── RvV — filled in plausibly (so that the Council has a profile of its own) ──
  {
    functionCode: "NBV107",
    title: {
      nl: "Attaché-jurist bij de Raad voor Vreemdelingenbetwistingen",
      fr: "Attaché juriste au Conseil du contentieux des étrangers",
      en: "Attaché legal clerk, Council for Alien Law Litigation",
    },
    level: "A",
    class: "A1",
    functionFamily: familyLawyers,
    professionalCategory: categoryLegal,
    purpose: {
      nl: "De rechters van de Raad ondersteunen bij beroepen tegen beslissingen over asiel en verblijf, door dossiers te analyseren en ontwerparresten voor te bereiden, zodat de Raad snel en zorgvuldig uitspraak kan doen.",
      fr: "Assister les juges du Conseil dans le traitement des recours contre les décisions en matière d'asile et de séjour, en analysant les dossiers et en préparant des projets d'arrêts, afin que le Conseil puisse statuer rapidement et avec soin.",
      en: "Support the Council's judges with appeals against asylum and residence decisions by analysing files and preparing draft judgments, so that the Council can rule quickly and carefully.",
    },
    reportsTo: {
      nl: "De kamervoorzitter",
      fr: "Le président de chambre",
      en: "The president of the chamber",
    },
    managesCount: 0,
    diplomaRequirement: lawMasterDegree,
    languageRequirement: languageRoleStandard,
    salaryScaleCode: "A11",
    resultAreas: [
      {
        role: {
          nl: "Als dossieranalist",
          fr: "En tant qu'analyste de dossiers",
          en: "As case analyst",
        },
        aim: {
          nl: "Beroepsdossiers grondig voorbereiden, zodat de rechter snel zicht heeft op de feiten en de rechtsvragen.",
          fr: "Préparer en profondeur les dossiers de recours, pour que le juge ait rapidement une vue claire des faits et des questions juridiques.",
          en: "Prepare appeal files thoroughly so that the judge quickly sees the facts and the legal questions.",
        },
        tasks: [
          {
            nl: "Het verzoekschrift, de nota van de verwerende partij en het administratief dossier analyseren",
            fr: "Analyser la requête, la note de la partie défenderesse et le dossier administratif",
            en: "Analyse the petition, the respondent's note and the administrative file",
          },
          {
            nl: "Nagaan of het beroep ontvankelijk is en tijdig werd ingediend",
            fr: "Vérifier la recevabilité du recours et le respect du délai",
            en: "Check that the appeal is admissible and was lodged on time",
          },
          {
            nl: "Relevante rechtspraak en herkomstlandeninformatie opzoeken",
            fr: "Rechercher la jurisprudence et les informations pertinentes sur les pays d'origine",
            en: "Look up relevant case law and country-of-origin information",
          },
        ],
      },
      {
        role: {
          nl: "Als redacteur van arresten",
          fr: "En tant que rédacteur d'arrêts",
          en: "As judgment drafter",
        },
        aim: {
          nl: "Ontwerparresten opstellen die juridisch sluitend en begrijpelijk zijn, zodat de rechter snel en eenvormig kan beslissen.",
          fr: "Rédiger des projets d'arrêts juridiquement solides et compréhensibles, pour que le juge puisse statuer vite et de façon cohérente.",
          en: "Draft judgments that are legally sound and understandable, so that the judge can rule quickly and consistently.",
        },
        tasks: [
          {
            nl: "Ontwerparresten schrijven volgens de richtlijnen van de rechter",
            fr: "Rédiger des projets d'arrêts selon les instructions du juge",
            en: "Write draft judgments on the judge's instructions",
          },
          {
            nl: "De zitting mee voorbereiden en er notities nemen",
            fr: "Contribuer à préparer l'audience et y prendre des notes",
            en: "Help prepare hearings and take notes during them",
          },
          {
            nl: "Ontwerpen bijwerken na de beraadslaging",
            fr: "Adapter les projets après le délibéré",
            en: "Revise drafts after deliberation",
          },
        ],
      },
      {
        role: {
          nl: "Als kenniswerker",
          fr: "En tant que gestionnaire des connaissances",
          en: "As knowledge worker",
        },
        aim: {
          nl: "Rechtspraak opvolgen en toegankelijk maken, om de eenheid van rechtspraak binnen de Raad te bevorderen.",
          fr: "Suivre et diffuser la jurisprudence afin de favoriser l'unité de jurisprudence au sein du Conseil.",
          en: "Track and share case law to promote consistent rulings within the Council.",
        },
        tasks: [
          {
            nl: "Nieuwe Europese en Belgische rechtspraak samenvatten voor collega's",
            fr: "Résumer la jurisprudence européenne et belge récente pour les collègues",
            en: "Summarise new European and Belgian case law for colleagues",
          },
          {
            nl: "Meewerken aan interne databanken en modelteksten",
            fr: "Contribuer aux bases de données et aux modèles internes",
            en: "Contribute to internal databases and templates",
          },
        ],
      },
    ],
    competencies: [
      { area: 1, level: "C" },
      { area: 2, level: "C" },
      { area: 3, level: "B" },
      { area: 11, level: "A" },
      { area: 19, level: "C" },
      { area: 21, level: "B" },
    ],
  },
];
