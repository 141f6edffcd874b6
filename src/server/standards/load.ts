import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { canonicalJson } from "@/lib/canonical-json";
import { type UnitFile, unitFileSchema } from "@/lib/standards/unit-file";

export const standardsDir = path.resolve(process.cwd(), "prisma/standards");

export type LoadedUnit = { source: string; unit: UnitFile; contentHash: string };

export class UnitFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid unit file:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "UnitFileError";
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.map(
    (i) =>
      `${
        i.path.length
          ? i.path
              .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
              .join("")
              .replace(/^\./, "")
          : "(file)"
      }: ${i.message}`,
  );
}

/** Parses and validates one unit file's text; `source` names the file in any error. */
export function parseUnitFile(source: string, text: string): LoadedUnit {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UnitFileError(source, [`(file): not valid JSON (${(e as Error).message})`]);
  }
  const result = unitFileSchema.safeParse(json);
  if (!result.success) throw new UnitFileError(source, describe(result.error));
  return { source, unit: result.data, contentHash: createHash("sha256").update(canonicalJson(result.data)).digest("hex") };
}

/** Reads every *.json unit file in `dir`; any invalid file fails the whole load. */
export async function loadUnitFiles(dir = standardsDir): Promise<LoadedUnit[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const loaded: LoadedUnit[] = [];
  const errors: UnitFileError[] = [];
  for (const name of names) {
    const source = path.relative(process.cwd(), path.join(dir, name));
    try {
      loaded.push(parseUnitFile(source, await readFile(path.join(dir, name), "utf8")));
    } catch (e) {
      if (e instanceof UnitFileError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length)
    throw new UnitFileError(
      errors.map((e) => e.source).join(", "),
      errors.flatMap((e) => e.problems.map((p) => `${e.source}: ${p}`)),
    );
  return loaded;
}
