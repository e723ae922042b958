import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The README's architecture: features (and the layers below them) never import src/server/; only src/main.ts and
// src/server/ itself do. Below the features, src/common/ and src/db/ import no feature, and src/db/ nothing of GraphQL
// (it raises its own errors; src/server/ maps them to HTTP).
const SRC = path.join(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** `file`'s imports: package names as written, modules of src/ as their top folder under src/ ("server", "db", ...). */
function importsOf(file: string): { specifier: string; target: string }[] {
  return [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map(([, specifier]) => ({
    specifier,
    target: specifier.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), specifier)).split(path.sep)[0] : specifier,
  }));
}

function offenders(dirs: string[], forbidden: (target: string) => boolean): string[] {
  return dirs
    .flatMap((dir) => sourceFiles(path.join(SRC, dir)))
    .flatMap((file) =>
      importsOf(file)
        .filter(({ target }) => forbidden(target))
        .map(({ specifier }) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
}

const layers = readdirSync(SRC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const BELOW_FEATURES = ["common", "db"];

test("no module outside src/server/ and src/main.ts imports src/server/", () => {
  const outside = layers.filter((dir) => dir !== "server");
  expect(offenders(outside, (target) => target === "server")).toEqual([]);
});

test("src/common/ and src/db/ import no feature, and src/db/ nothing of GraphQL", () => {
  const features = layers.filter((dir) => !["server", "context", "auth", "ops", "seeding", ...BELOW_FEATURES].includes(dir));
  expect(features).toContain("applications");
  expect(offenders(BELOW_FEATURES, (target) => features.includes(target) || ["server", "context", "auth", "ops"].includes(target))).toEqual([]);
  expect(offenders(["db"], (target) => /^(graphql|type-graphql|@apollo\/)/.test(target))).toEqual([]);
});
