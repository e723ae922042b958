import { jsonb } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../common/localized-text";

/** A public text stored as { nl, fr?, en?, de? }; every such column carries a check that Dutch is present. */
export const localized = (name: string) => jsonb(name).$type<LocalizedText>();
