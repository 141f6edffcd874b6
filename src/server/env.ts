import { type KeyObject, createPrivateKey } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";

// Every environment variable Attest reads, validated here and nowhere else (docs/decisions/0020).
// `npm start` validates them all before it starts anything; the accessors re-validate whenever a
// value has changed (tests set some per file), so they answer for the environment as it is now.

type Source = Record<string, string | undefined>;

const postgresUrl = (name: string) => z.string().regex(/^postgres(ql)?:\/\//, `${name} must be a postgresql:// URL`);

const portNumber = (name: string) => {
  const message = `${name} must be a port number from 1 to 65535`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(65_535, message);
};

const flag = (name: string) =>
  z
    .enum(["0", "1"], { error: `${name} must be 1 (on) or 0 (off)` })
    .default("0")
    .transform((value) => value === "1");

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** An Ed25519 private key from PEM (PKCS#8), or from its PEM text in base64, as ATTEST_SIGNING_KEY gives it. */
export function ed25519PrivateKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(text.includes("BEGIN") ? text : Buffer.from(text, "base64").toString("utf8"));
  } catch {
    throw new Error("ATTEST_SIGNING_KEY is not a private key: give an Ed25519 key in PEM (PKCS#8), or its PEM text in base64.");
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error("ATTEST_SIGNING_KEY must be an Ed25519 key.");
  return key;
}

/** A parser that throws a message naming its variable, as a zod transform. */
const parsedBy =
  <T>(parse: (value: string) => T) =>
  (value: string, ctx: z.RefinementCtx) => {
    try {
      return parse(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: (e as Error).message });
      return z.NEVER;
    }
  };

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" }).default("development"),
  PORT: portNumber("PORT").default(3000),
  ATTEST_INSTANCES: z
    .string()
    .default("auto")
    .refine((v) => v === "auto" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64), "ATTEST_INSTANCES must be auto or a whole number from 1 to 64"),
  DATABASE_URL: postgresUrl("DATABASE_URL").optional(),
  DATABASE_OWNER_URL: postgresUrl("DATABASE_OWNER_URL").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().refine(isHttpUrl, "NEXTAUTH_URL must be an http:// or https:// URL, like https://attest.example").optional(),
  ATTEST_DATA_DIR: z.string().default(".data"),
  ATTEST_FILES_DIR: z.string().optional(),
  ATTEST_PG_PORT: portNumber("ATTEST_PG_PORT").default(54329),
  ATTEST_SIGNING_KEY: z.string().transform(parsedBy(ed25519PrivateKey)).optional(),
  ATTEST_MAX_FILE_BYTES: z.coerce
    .number({ error: "ATTEST_MAX_FILE_BYTES must be a whole number of bytes" })
    .int("ATTEST_MAX_FILE_BYTES must be a whole number of bytes")
    .positive("ATTEST_MAX_FILE_BYTES must be more than 0")
    .default(2 * 1024 ** 3),
  ATTEST_TRUSTED_PROXIES: z.string().default("").transform(parsedBy(parseTrustedProxies)),
  ATTEST_SESSION_HOURS: z.coerce
    .number({ error: "ATTEST_SESSION_HOURS must be a number of hours" })
    .positive("ATTEST_SESSION_HOURS must be more than 0")
    .max(24 * 31, "ATTEST_SESSION_HOURS must be at most 744 (31 days)")
    .default(12),
  ATTEST_IDLE_MINUTES: z.coerce
    .number({ error: "ATTEST_IDLE_MINUTES must be a number of minutes" })
    .int("ATTEST_IDLE_MINUTES must be a whole number")
    .min(5, "ATTEST_IDLE_MINUTES must be at least 5")
    .max(24 * 60, "ATTEST_IDLE_MINUTES must be at most 1440")
    .default(60),
  ATTEST_DEMO: flag("ATTEST_DEMO"),
  ATTEST_ALLOW_OWNER_ROLE: flag("ATTEST_ALLOW_OWNER_ROLE"),
  ATTEST_DEBUG: flag("ATTEST_DEBUG"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z
    .string()
    .includes("@", { error: "MAIL_FROM must hold an email address, like Attest <no-reply@attest.example>" })
    .default("Attest <no-reply@attest.localhost>"),
});

export type Env = z.output<typeof schema>;
export const ENV_NAMES = Object.keys(schema.shape) as (keyof Env)[];

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

let last: { raw: string; env: Env } | undefined;

/** The configuration in `source` (the process's environment unless a test gives another); an empty value counts as unset. */
export function env(source: Source = process.env): Env {
  const values = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name] || undefined]));
  const raw = JSON.stringify(values);
  if (last?.raw !== raw) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) throw new ConfigurationError(`Attest is misconfigured: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    last = { raw, env: parsed.data };
  }
  return last.env;
}

export const isProduction = () => env().NODE_ENV === "production";
export const port = () => env().PORT;

/** How many app server processes share the port: one per core by default (docs/decisions/0030). */
export function appInstances(): number {
  const given = env().ATTEST_INSTANCES;
  return given === "auto" ? Math.min(availableParallelism(), 8) : Number(given);
}

/** The PostgreSQL server an operator gave: the app's role at `url`, the owner at `ownerUrl` (the same role unless DATABASE_OWNER_URL is set). */
export function configuredDatabase(): { url: string; ownerUrl: string } | undefined {
  const { DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl } = env();
  return url ? { url, ownerUrl: ownerUrl ?? url } : undefined;
}

/** The secret that signs session cookies; `npm start` always provides it to the app. */
export function nextAuthSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new ConfigurationError("NEXTAUTH_SECRET is not set: start the app with `npm start`, which provides it.");
  return secret;
}

/** The app's public address, for links in mail. */
export const appUrl = () => (env().NEXTAUTH_URL ?? `http://localhost:${port()}`).replace(/\/$/, "");

/** Where Attest keeps local state: the embedded database, stored files, the generated secret and keys. */
export const dataDir = () => path.resolve(env().ATTEST_DATA_DIR);
export const filesDir = () => path.resolve(env().ATTEST_FILES_DIR ?? path.join(dataDir(), "files"));
export const embeddedPgPort = () => env().ATTEST_PG_PORT;

export const configuredSigningKey = () => env().ATTEST_SIGNING_KEY;
export const maxFileBytes = () => env().ATTEST_MAX_FILE_BYTES;
export const trustedProxies = () => env().ATTEST_TRUSTED_PROXIES;

/** Whether this is a demo run (the demo accounts loaded): ATTEST_DEMO=1, which `npm start` sets outside production. */
export const demoRun = () => env().ATTEST_DEMO;
export const ownerRoleAllowed = () => env().ATTEST_ALLOW_OWNER_ROLE;
export const debugLogging = () => env().ATTEST_DEBUG;

export const smtpUrl = () => env().SMTP_URL;
export const mailFrom = () => env().MAIL_FROM;

/** How long a sign-in lasts: an absolute limit from sign-in, and an idle limit since the last request. */
export type SessionLimits = { lifetimeMs: number; idleMs: number };
export function sessionLimits(source: Source = process.env): SessionLimits {
  const { ATTEST_SESSION_HOURS, ATTEST_IDLE_MINUTES } = env(source);
  return { lifetimeMs: ATTEST_SESSION_HOURS * 3_600_000, idleMs: ATTEST_IDLE_MINUTES * 60_000 };
}
