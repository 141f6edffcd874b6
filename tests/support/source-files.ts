import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** The TypeScript and JavaScript files under `dir` (relative to the repository), generated code left out. */
export function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(repoRoot, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory() && entry.name !== "generated" && entry.name !== "node_modules") walk(child);
      else if (entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name)) found.push(child);
    }
  };
  walk(dir);
  return found;
}

export const readSource = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
