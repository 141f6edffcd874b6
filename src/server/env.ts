import { z } from "zod";

// The server's configuration, validated once. `npm start` fills in what a fresh machine lacks.
const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
});

let cached: z.infer<typeof envSchema> | undefined;
export function env() {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`Attest is misconfigured: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    cached = parsed.data;
  }
  return cached;
}

// How long a sign-in lasts: an absolute limit from sign-in, and an idle limit since the last request.
const sessionSchema = z.object({
  ATTEST_SESSION_HOURS: z.coerce.number({ error: "ATTEST_SESSION_HOURS must be a number of hours" }).positive("ATTEST_SESSION_HOURS must be more than 0").max(24 * 31, "ATTEST_SESSION_HOURS must be at most 744 (31 days)").default(12),
  ATTEST_IDLE_MINUTES: z.coerce.number({ error: "ATTEST_IDLE_MINUTES must be a number of minutes" }).int("ATTEST_IDLE_MINUTES must be a whole number").min(5, "ATTEST_IDLE_MINUTES must be at least 5").max(24 * 60, "ATTEST_IDLE_MINUTES must be at most 1440").default(60),
});
export type SessionLimits = { lifetimeMs: number; idleMs: number };

let sessionCached: SessionLimits | undefined;
export function sessionLimits(source: Record<string, string | undefined> = process.env): SessionLimits {
  if (source !== process.env) return parseSessionLimits(source);
  return (sessionCached ??= parseSessionLimits(source));
}
function parseSessionLimits(source: Record<string, string | undefined>): SessionLimits {
  const parsed = sessionSchema.safeParse({ ATTEST_SESSION_HOURS: source.ATTEST_SESSION_HOURS || undefined, ATTEST_IDLE_MINUTES: source.ATTEST_IDLE_MINUTES || undefined });
  if (!parsed.success) throw new Error(`Attest is misconfigured: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return { lifetimeMs: parsed.data.ATTEST_SESSION_HOURS * 3_600_000, idleMs: parsed.data.ATTEST_IDLE_MINUTES * 60_000 };
}
