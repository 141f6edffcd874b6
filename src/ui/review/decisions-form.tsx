"use client";
import { type ReactNode, createContext, startTransition, useActionState, useContext, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { type ActionState, initialActionState } from "@/lib/action-state";
import { decisionsFormId } from "@/lib/assessment/decision-form";
import { FormStateContext, errorIdFor } from "../field-error";
import { showCriterion } from "./review-focus";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
const SignContext = createContext<{ state: ActionState; formAction: (form: FormData) => void; pending: boolean; formId: string } | null>(null);

/**
 * The review screen's one signing form, spread over the page: each criterion's decision controls
 * sit beside its evidence and join the form (at the end, with the signature) by their `form`
 * attribute, so the claim buttons between them stay forms of their own. A refusal's messages show
 * beside the criterion's fields (FieldError), as in ActionForm. Without JavaScript it posts as a plain form.
 */
export function DecisionsForm({ action, children }: { action: Action; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const formId = useId();
  return (
    <FormStateContext.Provider value={{ state, formId }}>
      <SignContext.Provider value={{ state, formAction, pending, formId }}>{children}</SignContext.Provider>
    </FormStateContext.Provider>
  );
}

type Chosen = { code: string; outcome: string };
type Problem = { path: string; message: string; control: HTMLElement | null };

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
  const [problems, setProblems] = useState<Problem[]>([]);

  // Count the choices as they change; a signed criterion's controls are made anew (fresh revision), so count again after each answer.
  useEffect(() => {
    const f = form.current;
    if (!f) return;
    const recount = () => setChosen(chosenIn(f));
    const onChange = (e: Event) => (e.target as HTMLInputElement).form === f && recount();
    document.addEventListener("change", onChange);
    recount();
    return () => document.removeEventListener("change", onChange);
  }, [state]);

  // Mark the controls the messages are about (undoing the last attempt's marks); focus the summary.
  useLayoutEffect(() => {
    const f = form.current;
    if (!f) return;
    for (const el of document.querySelectorAll<HTMLElement>("[data-marked-invalid]")) {
      el.removeAttribute("aria-invalid");
      const kept = (el.getAttribute("aria-describedby") ?? "").split(" ").filter((t) => t && t !== el.dataset.markedInvalid);
      if (kept.length) el.setAttribute("aria-describedby", kept.join(" "));
      else el.removeAttribute("aria-describedby");
      delete el.dataset.markedInvalid;
    }
    const found: Problem[] = [];
    for (const [path, message] of Object.entries(state.ok ? {} : (state.fields ?? {}))) {
      const named = f.elements.namedItem(path);
      const control = (named instanceof RadioNodeList ? (named[0] as HTMLElement | undefined) : (named as HTMLElement | null)) ?? null;
      if (control && !(control instanceof HTMLInputElement && control.type === "hidden")) {
        const errorId = errorIdFor(formId, path);
        control.setAttribute("aria-invalid", "true");
        if (document.getElementById(errorId)) {
          control.dataset.markedInvalid = errorId;
          control.setAttribute("aria-describedby", [errorId, ...(control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean)].join(" "));
        } else control.dataset.markedInvalid = "";
        found.push({ path, message, control });
      } else found.push({ path, message, control: null });
    }
    setProblems(found);
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
        <div className="alert" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${formId}-problem`}>
          <p id={`${formId}-problem`}>
            <strong>There is a problem</strong>
            {problems.length > 0 && state.message.startsWith("Check the form") ? null : <>: {state.message}</>}
          </p>
          {problems.length > 0 && (
            <ul className="problem-list">
              {problems.map((p) => (
                <li key={p.path}>
                  {p.control ? (
                    <a
                      href={`#${p.control.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        reveal(p.control!);
                      }}
                    >
                      {codeOf(p.control) ? `${codeOf(p.control)}: ` : ""}
                      {p.message}
                    </a>
                  ) : (
                    p.message
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.ok && signed > 0 && (
        <p role="status" className="done">
          {plural(signed)} signed.
        </p>
      )}
      {hidden}
      <p aria-live="polite">{chosen.length ? `Chosen: ${chosen.map((c) => `${c.code} ${c.outcome}`).join(", ")}.` : "No decisions chosen yet: choose Met or Not yet met on the criteria you have reviewed."}</p>
      {children}
      <button type="submit" disabled={pending}>
        {pending ? "Signing…" : label}
      </button>
    </form>
  );
}
