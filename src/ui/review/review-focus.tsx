"use client";
import { useEffect } from "react";
import { reviewNavId } from "./review-ids";

const criteria = () => [...document.querySelectorAll<HTMLElement>("[data-criterion]")];
/** The criterion an address's fragment names ("#criterion-A1"), if any. */
function named(hash: string): HTMLElement | null {
  if (!hash.startsWith("#criterion-")) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null;
  }
}

/** Puts one criterion in focus: shown (the others hidden by CSS), scrolled to and focused when asked. */
export function showCriterion(el: HTMLElement, { focus }: { focus: boolean }) {
  for (const c of criteria()) c.toggleAttribute("data-current", c === el);
  for (const link of document.querySelectorAll<HTMLAnchorElement>(`#${reviewNavId} li a`)) {
    if (link.hash === `#${el.id}`) link.setAttribute("aria-current", "location");
    else link.removeAttribute("aria-current");
  }
  if (focus) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "start" });
  }
}

/**
 * One criterion in focus on the review screen. The navigator's links and "Next criterion" name it
 * in the address; other links (skip to content) leave it be. Without JavaScript, CSS shows the
 * criterion the address names. Keyboard: J and K move to the next and previous criterion, M and N
 * choose "Met" and "Not yet met" in it; keys are ignored while typing in a field.
 */
export function ReviewFocus({ container }: { container: string }) {
  useEffect(() => {
    const root = document.getElementById(container);
    if (!root) return;
    const initial = named(location.hash) ?? root.querySelector<HTMLElement>("[data-first]") ?? criteria()[0];
    if (initial) showCriterion(initial, { focus: false });
    root.setAttribute("data-js", "");
    const onHash = () => {
      const el = named(location.hash);
      if (el) showCriterion(el, { focus: true });
    };
    // A link to the criterion already named in the address changes nothing there: bring it back into view.
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href^="#criterion-"]');
      const el = link && !e.defaultPrevented && link.hash === location.hash ? named(link.hash) : null;
      if (el) {
        e.preventDefault();
        showCriterion(el, { focus: true });
      }
    };
    const current = () => criteria().findIndex((el) => el.hasAttribute("data-current"));
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (e.altKey || e.ctrlKey || e.metaKey || target.closest("input, textarea, select, [contenteditable]")) return;
      const list = criteria();
      const i = current();
      const key = e.key.toLowerCase();
      if (key === "j" || key === "k") {
        const next = list[Math.min(list.length - 1, Math.max(0, i + (key === "j" ? 1 : -1)))];
        if (next) location.hash = next.id;
        e.preventDefault();
      } else if ((key === "m" || key === "n") && i >= 0) {
        const radio = list[i]?.querySelector<HTMLInputElement>(`input[type="radio"][value="${key === "m" ? "MET" : "NOT_YET_MET"}"]`);
        if (radio) {
          // A click, so the signing form hears of the choice.
          if (!radio.checked) radio.click();
          radio.focus();
          e.preventDefault();
        }
      }
    }
    window.addEventListener("hashchange", onHash);
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", onHash);
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [container]);
  return (
    <p className="text-muted" id="review-keys">
      Keyboard: <kbd>J</kbd> next criterion, <kbd>K</kbd> previous, <kbd>M</kbd> choose Met, <kbd>N</kbd> choose Not yet met. Sign all your decisions once, at
      the end.
    </p>
  );
}
