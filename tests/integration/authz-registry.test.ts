import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeHandlers, serverActions } from "../support/authz-registry";
import { must } from "@/lib/must";

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat();
}

const sources = (await Promise.all(["app", "src"].map(walk))).flat().filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("/generated/"));

describe("the authorization registry", () => {
  it("lists every route handler with the methods it exports", async () => {
    const found = [];
    for (const file of sources.filter((f) => /\/route\.ts$/.test(f))) {
      const text = await readFile(file, "utf8");
      const methods = [...text.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b|export \{([^}]+)\}/g)]
        .flatMap((m) => (m[1] ? [m[1]] : [...must(m[2], "m[2]").matchAll(/as (GET|POST|PUT|PATCH|DELETE)/g)].map((x) => must(x[1], "x[1]"))))
        .sort();
      found.push({ file, methods });
    }
    expect(found.sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      routeHandlers.map((r) => ({ file: r.file, methods: [...r.methods].sort() })).sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  it("lists every file of server actions, and every action each exports", async () => {
    const found: { file: string; actions: string[] }[] = [];
    for (const file of sources) {
      const text = await readFile(file, "utf8");
      if (/^\s*["']use server["']/m.test(text))
        found.push({ file, actions: [...text.matchAll(/export (?:async function|const) (\w+)/g)].map((m) => must(m[1], "m[1]")).sort() });
    }
    expect(found.sort((a, b) => a.file.localeCompare(b.file))).toEqual(
      serverActions.map((a) => ({ file: a.file, actions: [...a.actions].sort() })).sort((a, b) => a.file.localeCompare(b.file)),
    );
  });

  it("has a refusal probe for every route that is not public by design", () => {
    for (const entry of routeHandlers) {
      if (entry.why) continue;
      expect(
        entry.probes.some((p) => p.as === "signed-out"),
        `${entry.file} needs a signed-out probe`,
      ).toBe(true);
    }
  });
});
