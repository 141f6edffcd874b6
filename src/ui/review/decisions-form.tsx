"use client";
import { type ReactNode, createContext, startTransition, useActionState, useContext, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { decisionControl, decisionsFormId } from "@/lib/assessment/decision-form";
import type { CriterionLive } from "@/lib/assessment/review-state";
import { FormStateContext } from "@/ui/field-error";
import { Button } from "@/ui/kit/button";
import { ErrorSummary } from "@/ui/kit/error-summary";
import { type MarkedProblem, markInvalidControls } from "@/ui/mark-invalid";
import { showCriterion } from "./review-focus";
import { ReviewLive } from "./review-live";

type State = ActionState<CriterionLive[]>;
type Action = (state: State, form: FormData) => Promise<State>;
const SignContext = createContext<{ state: State; formAction: (form: FormData) => void; pending: boolean; formId: string } | null>(null);

/**
 * The review screen's one signing form, spread over the page: each criterion's decision controls
 * sit beside its evidence and join the form (at the end, with the signature) by their `form`
 * attribute, so the claim buttons between them stay forms of their own. A refusal's messages show
 * beside the criterion's fields (FieldError), as in ActionForm. The action answers with the signed
 * criteria's new state, which replaces theirs on the page (ReviewLive) without rendering it again.
 * Without JavaScript it posts as a plain form, and the page comes back rendered anew.
 */
export function DecisionsForm({ action, criteria, children }: { action: Action; criteria: CriterionLive[]; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialActionState as State);
  const formId = useId();
  return (
    <FormStateContext.Provider value={{ state, formId }}>
      <SignContext.Provider value={{ state, formAction, pending, formId }}>
        <ReviewLive initial={criteria} decided={state.ok ? state.result : undefined}>
          {children}
        </ReviewLive>
      </SignContext.Provider>
    </FormStateContext.Provider>
  );
}

type Chosen = { code: string; outcome: string };

/** The form's control by name (the first of a radio group), never a hidden field. */
function namedControl(form: HTMLFormElement, path: string): HTMLElement | null {
  const named = form.elements.namedItem(path);
  const control = (named instanceof RadioNodeList ? named[0] : named) as HTMLElement | null | undefined;
  return control && !(control instanceof HTMLInputElement && control.type === "hidden") ? control : null;
}

/** The criterion a control is about, by its code (the criterion's element is `criterion-<code>`). */
const codeOf = (el: Element) => el.closest("[data-criterion]")?.id.replace(/^criterion-/, "") ?? "";

/** The decisions chosen so far, read from the form's controls (wherever they sit on the page). */
function chosenIn(form: HTMLFormElement): Chosen[] {
  return [...form.elements]
    .filter((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === "radio" && el.checked && el.name.startsWith("outcome-"))
    .map((el) => ({ code: codeOf(el), outcome: el.labels?.[0]?.textContent ?? el.value }));
}

/** Shows the criterion a control is in (only one is shown at a time), then focuses the control. */
function reveal(control: HTMLElement) {
  const criterion = control.closest<HTMLElement>("[data-criterion]");
  if (criterion) {
    showCriterion(criterion, { focus: false });
    history.replaceState(history.state, "", `#${criterion.id}`);
  }
  control.focus();
}

/** Clears the choices made on criteria just signed (their controls back to how the page offered them). */
function clearChoices(form: HTMLFormElement, signed: CriterionLive[]) {
  const names = new Set(
    signed.flatMap((c) => [decisionControl.outcome(c.criterionId), decisionControl.feedback(c.criterionId), decisionControl.evidence(c.criterionId)]),
  );
  for (const el of form.elements) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !names.has(el.name)) continue;
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) el.checked = el.defaultChecked;
    else el.value = el.defaultValue;
  }
}

const plural = (n: number) => `${n} decision${n === 1 ? "" : "s"}`;

/** The end of the signing form: what is chosen, the signature, and "Sign N decisions". */
export function SignPanel({ hidden, children }: { hidden: ReactNode; children: ReactNode }) {
  const context = useContext(SignContext);
  if (!context) throw new Error("SignPanel belongs inside DecisionsForm");
  const { state, formAction, pending, formId } = context;
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [signed, setSigned] = useState(0);
  const [problems, setProblems] = useState<MarkedProblem[]>([]);

  // Count the choices as they change; a signed criterion's choices are cleared for the next round, so count again after each answer.
  useEffect(() => {
    const f = form.current;
    if (!f) return;
    if (state.ok && state.result) clearChoices(f, state.result);
    const recount = () => setChosen(chosenIn(f));
    const onChange = (e: Event) => (e.target as HTMLInputElement).form === f && recount();
    document.addEventListener("change", onChange);
    recount();
    return () => document.removeEventListener("change", onChange);
  }, [state]);

  // Mark the controls the messages are about (undoing the last attempt's marks). The controls sit
  // all over the page (joined by their form attribute), so the marks are looked for in the document.
  useLayoutEffect(() => {
    const f = form.current;
    if (!f) return;
    setProblems(markInvalidControls(document, formId, state.ok ? {} : (state.fields ?? {}), (path) => namedControl(f, path)));
  }, [state, formId]);

  useEffect(() => {
    if (state.at && !state.ok) summary.current?.focus();
  }, [state]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSigned(chosenIn(event.currentTarget).length);
    startTransition(() => formAction(data));
  }

  const label = chosen.length ? `Sign ${plural(chosen.length)}` : "Sign decisions";
  return (
    <form id={decisionsFormId} ref={form} action={formAction} onSubmit={onSubmit} aria-labelledby="sign-heading">
      {!state.ok && state.message && (
        <ErrorSummary
          id={`${formId}-problem`}
          ref={summary}
          message={problems.length > 0 && state.message.startsWith("Check the form") ? null : state.message}
          problems={problems.map((p) => ({
            key: p.path,
            message: p.control && codeOf(p.control) ? `${codeOf(p.control)}: ${p.message}` : p.message,
            targetId: p.control?.id ?? null,
          }))}
          onGo={(id) => {
            const control = document.getElementById(id);
            if (control) reveal(control);
          }}
        />
      )}
      {state.ok && signed > 0 && (
        <p role="status" className="done">
          {plural(signed)} signed.
        </p>
      )}
      {hidden}
      <p aria-live="polite">
        {chosen.length
          ? `Chosen: ${chosen.map((c) => `${c.code} ${c.outcome}`).join(", ")}.`
          : "No decisions chosen yet: choose Met or Not yet met on the criteria you have reviewed."}
      </p>
      {children}
      <Button type="submit" disabled={pending}>
        {pending ? "Signing…" : label}
      </Button>
    </form>
  );
}
