import { errorIdFor } from "./field-error";

export type MarkedProblem = { path: string; message: string; control: HTMLElement | null };

/**
 * Marks the controls a refusal's field messages are about (aria-invalid, described by the message
 * beside them), after undoing the marks of the previous attempt within `scope`. Controls without an
 * id get one, so the error summary can link to them.
 */
export function markInvalidControls(
  scope: ParentNode,
  formId: string,
  fields: Record<string, string>,
  controlFor: (path: string) => HTMLElement | null,
): MarkedProblem[] {
  for (const el of scope.querySelectorAll<HTMLElement>("[data-marked-invalid]")) {
    el.removeAttribute("aria-invalid");
    const kept = (el.getAttribute("aria-describedby") ?? "").split(" ").filter((t) => t && t !== el.dataset.markedInvalid);
    if (kept.length) el.setAttribute("aria-describedby", kept.join(" "));
    else el.removeAttribute("aria-describedby");
    delete el.dataset.markedInvalid;
  }
  return Object.entries(fields).map(([path, message]) => {
    const control = controlFor(path);
    if (!control) return { path, message, control: null };
    if (!control.id) control.id = `${formId}-control-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    control.setAttribute("aria-invalid", "true");
    const errorId = errorIdFor(formId, path);
    if (document.getElementById(errorId)) {
      control.dataset.markedInvalid = errorId;
      control.setAttribute("aria-describedby", [errorId, ...(control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean)].join(" "));
    } else control.dataset.markedInvalid = "";
    return { path, message, control };
  });
}
