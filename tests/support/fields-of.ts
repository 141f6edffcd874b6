import type { z } from "zod";
import { parseInput } from "@/server/errors";

/** The field messages a schema gives for this input, as the edge would show them (none when it parses). */
export function fieldsOf(schema: z.ZodType, input: unknown): Record<string, string> {
  try {
    parseInput(schema, input);
    return {};
  } catch (e) {
    return (e as { fields: Record<string, string> }).fields;
  }
}
