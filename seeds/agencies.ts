/**
 * The four federal asylum and migration services in the joint recruitment campaign.
 *
 * Source: 003_9c183c1c4f488c27.txt (press release of the State Secretary for Asylum and Migration, 2021),
 * which names the four services in Dutch (Dienst Vreemdelingenzaken, Commissariaat-generaal voor de
 * Vluchtelingen en de Staatlozen, Raad voor Vreemdelingenbetwistingen, Fedasil).
 *
 * Not in the documents, filled in by the project: the codes (DVZ, CGVS, RVV, FEDASIL), Fedasil's full Dutch
 * name, all French, English and German names (the services' official names), and the websites (the
 * services' official domains).
 */
import type { AgencySeed } from "./types";

export const agencies: AgencySeed[] = [
  {
    code: "DVZ",
    name: {
      nl: "Dienst Vreemdelingenzaken",
      fr: "Office des Étrangers",
      en: "Immigration Office",
      de: "Ausländeramt",
    },
    website: "https://dofi.ibz.be",
  },
  {
    code: "CGVS",
    name: {
      nl: "Commissariaat-generaal voor de Vluchtelingen en de Staatlozen",
      fr: "Commissariat général aux réfugiés et aux apatrides",
      en: "Office of the Commissioner General for Refugees and Stateless Persons",
      de: "Generalkommissariat für Flüchtlinge und Staatenlose",
    },
    website: "https://www.cgvs.be",
  },
  {
    code: "RVV",
    name: {
      nl: "Raad voor Vreemdelingenbetwistingen",
      fr: "Conseil du contentieux des étrangers",
      en: "Council for Alien Law Litigation",
      de: "Rat für Ausländerstreitsachen",
    },
    website: "https://www.rvv-cce.be",
  },
  {
    code: "FEDASIL",
    name: {
      nl: "Federaal agentschap voor de opvang van asielzoekers",
      fr: "Agence fédérale pour l'accueil des demandeurs d'asile",
      en: "Federal Agency for the Reception of Asylum Seekers",
      de: "Föderalagentur für die Aufnahme von Asylsuchenden",
    },
    website: "https://www.fedasil.be",
  },
];
