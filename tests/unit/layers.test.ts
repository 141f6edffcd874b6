// Layers run one way: src/lib (shared with the browser) below src/server, and db/ at the bottom of
// src/server. Reads the source and fails on an import that goes the wrong way.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "../support/source-files";
import { must } from "@/lib/must";

/** Where an import leads: a file in this repository (its path without extension) or a package. */
type Target = { file: string } | { package: string };

type LayerRule = { files: string; rule: string; allows: (target: Target) => boolean };

/** Files under `files` must not import `mustNotImport` (a path in the repository, without extension). */
type ForbiddenImport = { files: string; mustNotImport: string; why: string };

const within = (target: Target, ...dirs: string[]) => "file" in target && dirs.some((dir) => target.file === dir || target.file.startsWith(`${dir}/`));

// Packages that run in a browser; src/lib may use these and nothing else outside itself.
const browserPackages = ["zod", "react"];

const layerRules: LayerRule[] = [
  {
    files: "src/lib",
    rule: "src/lib is shared with the browser: it imports only src/lib and browser packages (no src/server, no node: modules)",
    allows: (target) => within(target, "src/lib") || ("package" in target && browserPackages.includes(target.package)),
  },
  {
    files: "src/server/db",
    rule: "db is the bottom layer: it imports only db/ itself, src/lib, src/server/env and packages",
    allows: (target) => "package" in target || within(target, "src/server/db", "src/lib", "src/server/env"),
  },
  ...["src/server/notifications", "src/server/mail"].map((files) => ({
    files,
    rule: `${files} sits beside audit, below the capabilities: it imports only itself, db, env, auth, errors, src/lib and packages`,
    allows: (target: Target) =>
      "package" in target || within(target, files, "src/server/db", "src/server/env", "src/server/auth/actor", "src/server/errors", "src/lib"),
  })),
];

const forbiddenImports: ForbiddenImport[] = [{ files: "app", mustNotImport: "src/server/db/client", why: "server functions default to the app's client" }];

const packageName = (specifier: string) => {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : must(parts[0], "parts[0]");
};

function targetOf(file: string, specifier: string): Target {
  const withoutExtension = (p: string) => p.replace(/\.(ts|tsx|mjs|js)$/, "").replace(/\/index$/, "");
  if (specifier.startsWith(".")) return { file: withoutExtension(path.posix.join(path.posix.dirname(file), specifier)) };
  if (specifier.startsWith("@/")) return { file: withoutExtension(`src/${specifier.slice(2)}`) };
  return { package: packageName(specifier) };
}

/** Every module a file imports, re-exports from, or loads with import(). */
function importsOf(file: string): string[] {
  const text = readSource(file);
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => must(m[1], "m[1]")));
}

const show = (target: Target) => ("file" in target ? target.file : target.package);

describe("layers", () => {
  it("reads imports the way the rules need", () => {
    expect(importsOf("src/server/db/client.ts").map((s) => show(targetOf("src/server/db/client.ts", s)))).toContain("src/server/db/generated/client");
    expect(show(targetOf("app/page.tsx", "@/server/db/client"))).toBe("src/server/db/client");
    expect(show(targetOf("src/lib/x.ts", "node:fs"))).toBe("node:fs");
  });

  for (const { files, rule, allows } of layerRules) {
    it(rule, () => {
      const scanned = sourceFiles(files);
      expect(scanned.length).toBeGreaterThan(0);
      const crossings = scanned.flatMap((file) =>
        importsOf(file)
          .filter((s) => !allows(targetOf(file, s)))
          .map((s) => `${file} imports ${s}`),
      );
      expect(crossings).toEqual([]);
    });
  }

  for (const { files, mustNotImport, why } of forbiddenImports) {
    it(`${files} does not import ${mustNotImport} (${why})`, () => {
      const crossings = sourceFiles(files).flatMap((file) =>
        importsOf(file)
          .filter((s) => show(targetOf(file, s)) === mustNotImport)
          .map((s) => `${file} imports ${s}`),
      );
      expect(crossings).toEqual([]);
    });
  }
});
