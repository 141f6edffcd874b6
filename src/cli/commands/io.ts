import { parseArgs } from "node:util";
import { UserFacingError } from "@/server/errors";

/** Where a command writes: the terminal, or a test's buffer. */
export type Io = { out: (line: string) => void; err: (line: string) => void };

export const terminal: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Bad input on the command line: exit 2 with the command's usage line. */
export class UsageError extends Error {}

/** The command's --options, strictly: an unknown option or a missing value is a UsageError. */
export function options<K extends string>(args: string[], names: readonly K[]): Partial<Record<K, string>> {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Partial<Record<K, string>>;
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/s, "."));
  }
}

/** A refusal from a server function, as the command's error lines: its message, or each field's. */
export function refusalLines(e: UserFacingError, flags: Record<string, string>): string[] {
  const fields = Object.entries(e.fields);
  if (!fields.length) return [e.message];
  return fields.map(([path, message]) => (flags[path] ? `${flags[path]}: ${message}` : message));
}
