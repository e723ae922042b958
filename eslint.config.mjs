// ESLint with typescript-eslint's type-aware rules (the type information comes from each folder's tsconfig).
// TypeScript 7 has no compiler API yet, so typescript-eslint runs on TypeScript 6 (`typescript` in package.json) while
// `npm run build` and `npm run typecheck` use TypeScript 7 (`typescript-7`).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/", "artifacts/", "generated/", "drizzle/", "web/**/generated/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
  },
  {
    rules: {
      // Apollo's plugin hooks and type-graphql's resolvers are async by contract, with or without an await inside.
      "@typescript-eslint/require-await": "off",
      // The closed sets are still TypeScript enums beside drizzle's string unions of the same values (issue 16, item 1).
      "@typescript-eslint/no-unsafe-enum-comparison": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Tests (and the fuzz run) read GraphQL answers as parsed JSON (any) and let their assertions check the shape.
    files: ["test/**/*.ts", "bench/lib/fuzz.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["web/**/*.ts", "site/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs", "web/vite.config.mts"],
    ...tseslint.configs.disableTypeChecked,
  },
);
