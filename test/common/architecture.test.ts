import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The README's architecture: features (and the layers below them) never import src/server/; only src/main.ts and
// src/server/ itself do.
const SRC = path.join(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

test("no module outside src/server/ and src/main.ts imports src/server/", () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => !file.startsWith(path.join(SRC, "server") + path.sep) && file !== path.join(SRC, "main.ts"))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)]
        .map((match) => match[1])
        .filter((specifier) => specifier.startsWith(".") && path.resolve(path.dirname(file), specifier).startsWith(path.join(SRC, "server") + path.sep))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
  expect(offenders).toEqual([]);
});
