import { z } from "zod";
import { readDayParts } from "@/lib/day-parts";
import { must } from "@/lib/must";

/** The schema under optional/default/nullable wrappers. */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/**
 * A form's fields as the input a server function parses: with a schema, its keys are read (every
 * value of a list, the first of anything else; an empty optional field is left out), under the
 * control names given; without one, every field's first value. A date field's three boxes
 * (`<name>-day`, `-month`, `-year`) are read as one value for the schema's `day(...)`.
 */
export function readForm(form: FormData, schema?: z.ZodObject, names: Record<string, string> = {}): Record<string, unknown> {
  if (!schema) return Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const name = names[key] ?? key;
    const parts = readDayParts((n) => form.get(n), name);
    if (inner(field) instanceof z.ZodArray) input[key] = form.getAll(name);
    else if (parts) input[key] = parts;
    else {
      const value = form.get(name);
      if (value === null || (value === "" && field instanceof z.ZodOptional)) continue;
      input[key] = value;
    }
  }
  return input;
}

/** Renames an error's field path (zod's, e.g. `evidenceVersionIds.2`) to the form control that shows it. */
export function fieldNamer(names: Record<string, string> | ((path: string) => string) = {}): (path: string) => string {
  if (typeof names === "function") return names;
  return (path) => names[must(path.split(".")[0], 'path.split(".")[0]')] ?? path;
}
