"use client";
import { useActionState } from "react";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { Notice } from "@/ui/kit";
import { claimFormId } from "./review-ids";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
const done = { CONFIRMED: "Claim confirmed.", REJECTED: "Claim rejected." } as const;

/** One of the page's claim forms: the answer is fixed, the item comes from the button pressed (its linkId). */
function ClaimForm({ action, enrolmentId, answer }: { action: Action; enrolmentId: string; answer: keyof typeof claimFormId }) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form id={claimFormId[answer]} action={formAction}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <input type="hidden" name="claim" value={answer} />
      {state.at && (
        <Notice role="status" tone={state.ok ? "success" : "info"}>
          {state.ok ? done[answer] : state.message}
        </Notice>
      )}
    </form>
  );
}

/**
 * The review's answers to learners' claims, two forms for the whole page (confirm, reject) rather
 * than two per item: each item's buttons join one by their `form` attribute and send its link.
 * Without JavaScript each is a plain form post.
 */
export function ClaimForms({ action, enrolmentId }: { action: Action; enrolmentId: string }) {
  return (
    <>
      <ClaimForm action={action} enrolmentId={enrolmentId} answer="CONFIRMED" />
      <ClaimForm action={action} enrolmentId={enrolmentId} answer="REJECTED" />
    </>
  );
}
