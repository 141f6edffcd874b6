import { z } from "zod";
import { text as boundedText } from "@/lib/input";

const text = (label: string, max = 20_000) => boundedText(max, label);

export const recordKinds = ["OBSERVATION", "QUESTIONING", "PROFESSIONAL_DISCUSSION"] as const;
export type RecordKind = (typeof recordKinds)[number];
export const recordLabels: Record<RecordKind, string> = {
  OBSERVATION: "observation",
  QUESTIONING: "questioning record",
  PROFESSIONAL_DISCUSSION: "professional discussion",
};

export const observationSchema = z.object({
  kind: z.literal("OBSERVATION"),
  place: text("Say where the observation took place", 500),
  observed: text("Say what was observed", 5_000),
  narrative: text("Write the narrative of the observation"),
});
export const questioningSchema = z.object({
  kind: z.literal("QUESTIONING"),
  mode: z.enum(["ORAL", "WRITTEN"], { error: "Say whether the questions were oral or written" }),
  items: z
    .array(z.object({ question: text("Write each question", 2_000), answer: text("Write each answer", 5_000) }))
    .min(1, "Record at least one question and answer")
    .max(50),
});
export const discussionSchema = z.object({
  kind: z.literal("PROFESSIONAL_DISCUSSION"),
  topics: text("List the topics discussed", 5_000),
  summary: text("Summarise the discussion"),
});
export const recordSchema = z.discriminatedUnion("kind", [observationSchema, questioningSchema, discussionSchema]);
export type AssessorRecord = z.infer<typeof recordSchema> & { ready?: boolean };

/** A recording is required for oral questioning and for a professional discussion. */
export const needsRecording = (r: AssessorRecord) => r.kind === "PROFESSIONAL_DISCUSSION" || (r.kind === "QUESTIONING" && r.mode === "ORAL");

/** The record as plain text, kept as the version's account so it is searched and hashed with the rest. */
export function recordAccount(r: AssessorRecord): string {
  if (r.kind === "OBSERVATION") return `Observed at ${r.place}: ${r.observed}\n\n${r.narrative}`;
  if (r.kind === "QUESTIONING")
    return `${r.mode === "ORAL" ? "Oral" : "Written"} questioning.\n\n${r.items.map((i, n) => `Q${n + 1}. ${i.question}\nA${n + 1}. ${i.answer}`).join("\n\n")}`;
  return `Topics: ${r.topics}\n\n${r.summary}`;
}

export const formatOffset = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
/** "12:30" or "750" → 750 seconds; empty → undefined; anything else → NaN. */
export function parseOffset(value: string): number | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const m = /^(?:(\d{1,3}):)?(\d{1,5})$/.exec(v);
  if (!m) return Number.NaN;
  return m[1] ? Number(m[1]) * 60 + Number(m[2]) : Number(m[2]);
}
