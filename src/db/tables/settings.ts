import { pgTable, text } from "drizzle-orm/pg-core";

/** Values a fresh install generates once and keeps (src/candidates/person-keys.ts: the person-key secret). */
export const serverSettings = pgTable("server_settings", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
});
