import type { CurrentDecision } from "@/lib/assessment/review-state";

/** A decision in words: outcome, signer and moment, feedback, and the items relied on. */
export function DecisionWords({ d }: { d: CurrentDecision }) {
  const more = d.reliedOnCount - d.reliedOn.length;
  const relied = d.reliedOn.join(", ") || "none";
  // Feedback is the assessor's own sentence: a full stop after it only when it has none.
  const feedback = d.feedback ? `Feedback: ${d.feedback}${/[.!?]$/.test(d.feedback) ? "" : "."} ` : "";
  return (
    <>
      <strong>{d.outcome === "MET" ? "Met" : "Not yet met"}</strong>
      {`, signed by ${d.typedName} on ${d.decidedAt}. ${feedback}Relied on: ${relied}${more > 0 ? ` and ${more} more` : ""}.`}
    </>
  );
}
