import { z } from "zod";
import { readDayParts } from "@/lib/day-parts";
import { parseOffset } from "@/lib/portfolio/records";
import { must } from "@/lib/must";

// How the evidence page's mapping and record forms name their controls, read into the input
// their server functions parse; and each error's path renamed back to the control that shows it.

/** A text field's value; a file sent in its place is passed on as it is, for the schema to refuse. */
const textOf = (v: FormDataEntryValue | null): string | File => (v === null ? "" : v);

/** The mapping picker: a `criterion` checkbox per criterion, with `note-<id>` and `at-<id>` beside it. */
export function mappingFromForm(form: FormData) {
  const criterionIds = form.getAll("criterion").map(String);
  const links = criterionIds.map((criterionId) => ({
    criterionId,
    note: textOf(form.get(`note-${criterionId}`)),
    atSeconds: parseOffset(String(form.get(`at-${criterionId}`) ?? "")),
  }));
  // links.N.note → note-<criterion>, and so on.
  const fieldName = (path: string) => {
    const [, n, key] = /^links\.(\d+)\.(\w+)$/.exec(path) ?? [];
    const criterionId = n === undefined ? undefined : criterionIds[Number(n)];
    if (criterionId && key === "note") return `note-${criterionId}`;
    if (criterionId && key === "atSeconds") return `at-${criterionId}`;
    return path.startsWith("scopeOptionIds") ? "scopeOption" : path.startsWith("links") ? "criterion" : path;
  };
  return { input: { links, scopeOptionIds: form.getAll("scopeOption").map(String) }, fieldName };
}

/** An assessor's record: the fields of its kind; question and answer pairs left empty are dropped. */
export function recordFromForm(form: FormData) {
  const kind = String(form.get("kind"));
  const questions = form.getAll("question").map(textOf);
  const answers = form.getAll("answer").map(textOf);
  const filled = (v: unknown) => typeof v !== "string" || v.trim() !== "";
  // `kept` maps each kept pair back to its place in the form.
  const kept = questions.map((q, i) => i).filter((i) => filled(questions[i]) || filled(answers[i] ?? ""));
  const record =
    kind === "OBSERVATION"
      ? { kind, place: form.get("place"), observed: form.get("observed"), narrative: form.get("narrative") }
      : kind === "QUESTIONING"
        ? { kind, mode: form.get("mode"), items: kept.map((i) => ({ question: must(questions[i], "questions[i]"), answer: answers[i] ?? "" })) }
        : { kind, topics: form.get("topics"), summary: form.get("summary") };
  // record.place → place, record.items.N.question → question.<place in the form>.
  const fieldName = (path: string) => {
    const [, n, key] = /^record\.items\.(\d+)\.(question|answer)$/.exec(path) ?? [];
    if (key) return `${key}.${kept[Number(n)] ?? 0}`;
    return path.replace(/^record\./, "");
  };
  return { input: { title: form.get("title"), activityFrom: readDayParts((n) => form.get(n), "activityFrom") ?? form.get("activityFrom"), record }, fieldName };
}

/** The plan editor sends its items as one JSON field; unreadable JSON reaches savePlan as no items, which it refuses. */
export function planFromForm(form: FormData): { items: unknown } {
  const items = z
    .string()
    .max(200_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The plan could not be read; try again." });
        return z.NEVER;
      }
    })
    .safeParse(form.get("items"));
  return { items: items.success ? items.data : null };
}
