import { defineConfig } from "drizzle-kit";

// Generates SQL migrations into drizzle/ from the table definitions; the service applies them at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/tables/index.ts",
  out: "./drizzle",
});
