import { type KeyObject, createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { configuredSigningKey, dataDir, ed25519PrivateKey } from "@/server/env";

// The Ed25519 key that signs audit checkpoints. It is never stored in the database, so whoever can
// rewrite the database cannot re-sign a rewritten chain. See docs/decisions/0019-audit-checkpoints.md.

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };

export const signingKeyFile = () => path.join(dataDir(), "audit-signing-key.pem");

export const parseSigningKey = (pem: string): SigningKey => signingKeyOf(ed25519PrivateKey(pem));

function signingKeyOf(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export const keyIdOf = (publicKey: KeyObject) =>
  createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");

/** ATTEST_SIGNING_KEY, or the key file in the data directory (made once, outside production). */
export async function loadSigningKey(options: { create: boolean } = { create: false }): Promise<SigningKey> {
  const fromEnv = configuredSigningKey();
  if (fromEnv) return signingKeyOf(fromEnv);
  const file = signingKeyFile();
  if (existsSync(file)) return parseSigningKey(await readFile(file, "utf8"));
  if (!options.create) throw new Error(`No audit signing key: set ATTEST_SIGNING_KEY, or run \`npm start\` once to make ${file}.`);
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, pem, { mode: 0o600, flag: "wx" }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== "EEXIST") throw e; // another process made it first: use theirs
  });
  return parseSigningKey(await readFile(file, "utf8"));
}
