/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
    // temporal-polyfill (and its temporal-utils) ship ES modules only: Node loads them with require(); Jest's module system needs them compiled.
    "/node_modules/(temporal-polyfill|temporal-utils)/.+\\.js$": ["@swc/jest", { module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(temporal-polyfill|temporal-utils)/)"],
  setupFiles: ["reflect-metadata"],
  // A safety net, never a measure: on a shared 2-core machine a file's database set-up can take minutes.
  testTimeout: 300000,
  // Test files each start their own database; two at a time suits a 2-core machine.
  maxWorkers: 2,
};
