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
  throw new UserFacingError(`Check the form: ${Object.values(fields).join(" ")}`, fields);
}
