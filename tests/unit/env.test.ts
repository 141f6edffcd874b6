import { generateKeyPairSync } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSource, sourceFiles } from "../support/source-files";
import { ENV_NAMES, appInstances, appUrl, configuredDatabase, dataDir, env, filesDir, maxFileBytes, nextAuthSecret, sessionLimits } from "@/server/env";

const pem = (type: "ed25519" | "x25519") =>
  generateKeyPairSync(type as "ed25519")
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();

// One wrong value per variable, and the message that must name it.
const wrongValues: [name: string, value: string, message: RegExp][] = [
  ["NODE_ENV", "staging", /NODE_ENV must be development, production or test/],
  ["PORT", "http", /PORT must be a port number from 1 to 65535/],
  ["ATTEST_INSTANCES", "0", /ATTEST_INSTANCES must be auto or a whole number from 1 to 64/],
  ["ATTEST_INSTANCES", "two", /ATTEST_INSTANCES must be auto or a whole number from 1 to 64/],
  ["PORT", "70000", /PORT must be a port number from 1 to 65535/],
  ["DATABASE_URL", "mysql://db.example/attest", /DATABASE_URL must be a postgresql:\/\/ URL/],
  ["DATABASE_OWNER_URL", "db.example", /DATABASE_OWNER_URL must be a postgresql:\/\/ URL/],
  ["NEXTAUTH_SECRET", "too-short", /NEXTAUTH_SECRET must be at least 32 characters/],
  ["NEXTAUTH_URL", "attest.example", /NEXTAUTH_URL must be an http:\/\/ or https:\/\/ URL/],
  ["NEXTAUTH_URL", "ftp://attest.example", /NEXTAUTH_URL must be an http:\/\/ or https:\/\/ URL/],
  ["ATTEST_PG_PORT", "0", /ATTEST_PG_PORT must be a port number from 1 to 65535/],
  ["ATTEST_SIGNING_KEY", "not a key", /ATTEST_SIGNING_KEY is not a private key/],
  ["ATTEST_SIGNING_KEY", pem("x25519"), /ATTEST_SIGNING_KEY must be an Ed25519 key/],
  ["ATTEST_MAX_FILE_BYTES", "2GB", /ATTEST_MAX_FILE_BYTES must be a whole number of bytes/],
  ["ATTEST_MAX_FILE_BYTES", "1.5", /ATTEST_MAX_FILE_BYTES must be a whole number of bytes/],
  ["ATTEST_MAX_FILE_BYTES", "0", /ATTEST_MAX_FILE_BYTES must be more than 0/],
  ["ATTEST_TRUSTED_PROXIES", "10.0.0.0/40", /ATTEST_TRUSTED_PROXIES: "10\.0\.0\.0\/40" is not an IP address or CIDR range/],
  ["ATTEST_SESSION_HOURS", "never", /ATTEST_SESSION_HOURS must be a number of hours/],
  ["ATTEST_SESSION_HOURS", "1000", /ATTEST_SESSION_HOURS must be at most 744/],
  ["ATTEST_IDLE_MINUTES", "1", /ATTEST_IDLE_MINUTES must be at least 5/],
  ["ATTEST_IDLE_MINUTES", "7.5", /ATTEST_IDLE_MINUTES must be a whole number/],
  ["ATTEST_DEMO", "yes", /ATTEST_DEMO must be 1 \(on\) or 0 \(off\)/],
  ["ATTEST_ALLOW_OWNER_ROLE", "true", /ATTEST_ALLOW_OWNER_ROLE must be 1 \(on\) or 0 \(off\)/],
  ["ATTEST_DEBUG", "on", /ATTEST_DEBUG must be 1 \(on\) or 0 \(off\)/],
  ["SMTP_URL", "mail.example:587", /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
  ["MAIL_FROM", "Attest", /MAIL_FROM must hold an email address/],
];
// Any text is a directory name.
const freeText = ["ATTEST_DATA_DIR", "ATTEST_FILES_DIR"];

afterEach(() => vi.unstubAllEnvs());

describe("configuration", () => {
  it("has a wrong-value test for every variable it reads", () => {
    expect(new Set([...wrongValues.map(([name]) => name), ...freeText])).toEqual(new Set(ENV_NAMES));
  });

  const cases = wrongValues.map(([name, value, message]) => ({ name, value, message, shown: value.includes("BEGIN") ? "<an X25519 key>" : value }));
  it.each(cases)("refuses $name=$shown with a message naming it", ({ name, value, message }) => {
    expect(() => env({ [name]: value })).toThrow(message);
    expect(() => env({ [name]: value })).toThrow(/^Attest is misconfigured: /);
  });

  it("reports every wrong value at once", () => {
    expect(() => env({ PORT: "x", SMTP_URL: "x" })).toThrow(/PORT must be .*; SMTP_URL must be/);
  });

  it("has a default for everything an unconfigured machine lacks", () => {
    const defaults = env({});
    expect(defaults).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      ATTEST_INSTANCES: "auto",
      DATABASE_URL: undefined,
      DATABASE_OWNER_URL: undefined,
      NEXTAUTH_SECRET: undefined,
      NEXTAUTH_URL: undefined,
      ATTEST_DATA_DIR: ".data",
      ATTEST_FILES_DIR: undefined,
      ATTEST_PG_PORT: 54329,
      ATTEST_SIGNING_KEY: undefined,
      ATTEST_MAX_FILE_BYTES: 2 * 1024 ** 3,
      ATTEST_SESSION_HOURS: 12,
      ATTEST_IDLE_MINUTES: 60,
      ATTEST_DEMO: false,
      ATTEST_ALLOW_OWNER_ROLE: false,
      ATTEST_DEBUG: false,
      SMTP_URL: undefined,
      MAIL_FROM: "Attest <no-reply@attest.localhost>",
    });
    expect(defaults.ATTEST_TRUSTED_PROXIES.has("10.0.0.1")).toBe(false);
    expect(sessionLimits({})).toEqual({ lifetimeMs: 12 * 3_600_000, idleMs: 60 * 60_000 });
  });

  it("runs one app instance per core unless told how many", () => {
    vi.stubEnv("ATTEST_INSTANCES", "");
    expect(appInstances()).toBe(Math.min(availableParallelism(), 8));
    vi.stubEnv("ATTEST_INSTANCES", "3");
    expect(appInstances()).toBe(3);
  });

  it("counts an empty value as unset", () => {
    expect(env({ PORT: "", ATTEST_DEMO: "", ATTEST_MAX_FILE_BYTES: "" })).toMatchObject({
      PORT: 3000,
      ATTEST_DEMO: false,
      ATTEST_MAX_FILE_BYTES: 2 * 1024 ** 3,
    });
  });

  it("reads right values as their types", () => {
    const key = pem("ed25519");
    const read = env({
      PORT: "8080",
      ATTEST_DEMO: "1",
      ATTEST_MAX_FILE_BYTES: "1048576",
      ATTEST_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.1",
      ATTEST_SIGNING_KEY: key,
    });
    expect(read).toMatchObject({ PORT: 8080, ATTEST_DEMO: true, ATTEST_MAX_FILE_BYTES: 1_048_576 });
    expect(read.ATTEST_TRUSTED_PROXIES.has("10.1.2.3")).toBe(true);
    expect(read.ATTEST_SIGNING_KEY?.asymmetricKeyType).toBe("ed25519");
    expect(env({ ATTEST_SIGNING_KEY: Buffer.from(key).toString("base64") }).ATTEST_SIGNING_KEY?.asymmetricKeyType).toBe("ed25519");
  });
});

describe("accessors", () => {
  it("read the environment as it is when called, not as it was at import", () => {
    vi.stubEnv("ATTEST_MAX_FILE_BYTES", "1000");
    expect(maxFileBytes()).toBe(1000);
    vi.stubEnv("ATTEST_MAX_FILE_BYTES", "2000");
    expect(maxFileBytes()).toBe(2000);
  });

  it("stop at a wrong value instead of falling back to the default", () => {
    vi.stubEnv("ATTEST_MAX_FILE_BYTES", "lots");
    expect(() => maxFileBytes()).toThrow(/ATTEST_MAX_FILE_BYTES must be a whole number of bytes/);
  });

  it("keep files under the data directory unless ATTEST_FILES_DIR says otherwise", () => {
    vi.stubEnv("ATTEST_DATA_DIR", "/srv/attest");
    vi.stubEnv("ATTEST_FILES_DIR", undefined);
    expect(dataDir()).toBe(path.resolve("/srv/attest"));
    expect(filesDir()).toBe(path.resolve("/srv/attest/files"));
    vi.stubEnv("ATTEST_FILES_DIR", "/mnt/evidence");
    expect(filesDir()).toBe(path.resolve("/mnt/evidence"));
  });

  it("use DATABASE_URL as the owner too when DATABASE_OWNER_URL is not set", () => {
    vi.stubEnv("DATABASE_URL", undefined);
    expect(configuredDatabase()).toBeUndefined();
    vi.stubEnv("DATABASE_URL", "postgresql://app@db/attest");
    expect(configuredDatabase()).toEqual({ url: "postgresql://app@db/attest", ownerUrl: "postgresql://app@db/attest" });
    vi.stubEnv("DATABASE_OWNER_URL", "postgresql://owner@db/attest");
    expect(configuredDatabase()).toEqual({ url: "postgresql://app@db/attest", ownerUrl: "postgresql://owner@db/attest" });
  });

  it("give the app's address from NEXTAUTH_URL, or localhost and PORT", () => {
    vi.stubEnv("NEXTAUTH_URL", undefined);
    vi.stubEnv("PORT", "3210");
    expect(appUrl()).toBe("http://localhost:3210");
    vi.stubEnv("NEXTAUTH_URL", "https://attest.example/");
    expect(appUrl()).toBe("https://attest.example");
  });

  it("refuse to run the app without NEXTAUTH_SECRET", () => {
    vi.stubEnv("NEXTAUTH_SECRET", undefined);
    expect(() => nextAuthSecret()).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});

describe("reading the environment", () => {
  // The only reads left outside env.ts, and why each stays.
  const allowed: Record<string, RegExp> = {
    "src/server/env.ts": /process\.env\b/g,
    // Hands its whole environment on to the app server it starts: passing on, not reading.
    "scripts/start.ts": /\.\.\.process\.env\b/g,
    // Next replaces these with constants when it compiles (NEXT_RUNTIME per runtime, so the edge
    // bundle drops the Node-only imports; NODE_ENV per build): they are not read when the app runs.
    "instrumentation.ts": /process\.env\.NEXT_RUNTIME\b/g,
    "proxy.ts": /process\.env\.NODE_ENV\b/g,
  };
  it("happens only in src/server/env.ts", () => {
    const files = [...sourceFiles("src"), ...sourceFiles("app"), ...sourceFiles("scripts"), "instrumentation.ts", "proxy.ts"];
    const readers = files.filter((file) => /process\.env\b/.test(readSource(file).replace(allowed[file] ?? /$^/g, "")));
    expect(readers).toEqual([]);
  });
});
