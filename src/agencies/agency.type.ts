import { Field, ObjectType, registerEnumType } from "type-graphql";
import { enumObject } from "../common/enum-object";
import { AGENCY_CODES, type AgencyCodeValue } from "../db/tables";
import type { LocalizedText } from "../common/localized-text";

export const AgencyCode = enumObject(AGENCY_CODES);
export type AgencyCode = AgencyCodeValue;

registerEnumType(AgencyCode, {
  name: "AgencyCode",
  description: "The four asylum and migration services that recruit in the campaign.",
  valuesConfig: {
    DVZ: { description: "Dienst Vreemdelingenzaken (Immigration Office)." },
    CGVS: { description: "Commissariaat-generaal voor de Vluchtelingen en de Staatlozen (Commissioner General for Refugees and Stateless Persons)." },
    RVV: { description: "Raad voor Vreemdelingenbetwistingen (Council for Alien Law Litigation)." },
    FEDASIL: { description: "Federaal agentschap voor de opvang van asielzoekers (reception agency for asylum seekers)." },
  },
});

@ObjectType({ description: "One of the four asylum and migration services." })
export class Agency {
  @Field(() => AgencyCode, { description: "The agency's code." })
  code!: AgencyCode;

  @Field(() => String, { nullable: true, description: "The agency's own website." })
  website!: string | null;

  /** Resolved per language by the agency resolver. */
  names!: LocalizedText;
}
