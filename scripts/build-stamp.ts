// Decides whether the production build in .next matches the code: a hash over the files that
// go into it, kept beside the build.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

const inputs = ["app", "src", "public", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];
const stampFile = path.resolve(".next/attest-build-stamp");

async function files(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!stat) return [entry];
  const nested = await Promise.all(stat.map((d) => files(path.join(entry, d.name))));
  return nested.flat();
}

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const all = (await Promise.all(inputs.map(files)))
    .flat()
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`))
    .sort();
  for (const f of all)
    hash
      .update(f)
      .update("\0")
      .update(await readFile(f))
      .update("\0");
  return hash.digest("hex");
}

export async function buildIsCurrent(): Promise<boolean> {
  if (!existsSync(".next/BUILD_ID") || !existsSync(stampFile)) return false;
  return (await readFile(stampFile, "utf8")) === (await sourceHash());
}

export async function recordBuild(): Promise<void> {
  await writeFile(stampFile, await sourceHash());
}
