import type { z } from "zod";

/** A request that breaks a rule or has bad input; its message is meant for the user. Nothing was changed. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Parses input at the boundary; bad input becomes a UserFacingError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join(".") || "form"] ??= issue.message;
  // ActionForm lists the field messages under "There is a problem" and leaves out this sentence, which repeats them.
  throw new UserFacingError(`Check the form: ${Object.values(fields).join(" ")}`, fields);
}

// Database errors a user can cause (a race on a unique key, a value the column cannot hold, a
// byte PostgreSQL refuses, a row changed under a lock). Prisma codes first, then PostgreSQL's
// SQLSTATE as the driver adapter reports it. Anything else stays a bug.
const databaseMessages: [codes: string[], message: string][] = [
  [["P2002", "23505"], "That was just saved by someone else, or it already exists. Reload the page to see it."],
  [["P2034", "40001", "40P01", "55000", "55P03"], "This changed while you were working on it. Reload the page and try again."],
  [["P2000", "22001"], "A value is too long. Shorten it and try again."],
  [["22021", "22P05"], "The text contains characters that cannot be stored. Remove them and try again."],
  [["P2007", "P2020", "P2033", "22003", "22007", "22008", "22P02"], "A value is out of range or not in the expected form. Check it and try again."],
];

function errorCodes(e: unknown, seen = new Set<unknown>()): string[] {
  if (!e || typeof e !== "object" || seen.has(e)) return [];
  seen.add(e);
  const o = e as Record<string, unknown>;
  const own = [o.code, o.originalCode].filter((c): c is string => typeof c === "string");
  const meta = o.meta as Record<string, unknown> | undefined;
  return [...own, ...[o.cause, meta?.driverAdapterError, meta?.code].flatMap((c) => (typeof c === "string" ? [c] : errorCodes(c, seen)))];
}

/** A user-causable database error as a refusal the user can read (logged by its code, never its SQL); null for anything else. */
export function databaseRefusal(e: unknown): { error: UserFacingError; status: number; code: string } | null {
  if (e instanceof UserFacingError) return null;
  const codes = errorCodes(e);
  for (const [known, message] of databaseMessages) {
    const code = codes.find((c) => known.includes(c));
    if (code) {
      console.warn(`[attest] refused a request the database could not apply (${codes.join(", ")})`);
      return { error: new UserFacingError(message), status: known.includes("P2002") || known.includes("P2034") ? 409 : 422, code };
    }
  }
  return null;
}

/** Runs work; a refusal's field paths (zod paths) are renamed to the names of the form's controls. */
export async function withFieldNames<T>(rename: (path: string) => string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof UserFacingError) || !Object.keys(e.fields).length) throw e;
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(e.fields)) fields[rename(path)] ??= message;
    throw new UserFacingError(e.message, fields);
  }
}
