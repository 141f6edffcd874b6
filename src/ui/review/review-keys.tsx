"use client";
import { useEffect } from "react";

/**
 * Keyboard-first review: J and K move to the next and previous criterion, M and N choose
 * "Met" and "Not yet met" in the current one. Keys are ignored while typing in a field.
 */
export function ReviewKeys() {
  useEffect(() => {
    const criteria = () => [...document.querySelectorAll<HTMLElement>("[data-criterion]")];
    const current = () => criteria().findIndex((el) => el.contains(document.activeElement));
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (e.altKey || e.ctrlKey || e.metaKey || target.closest("input, textarea, select, [contenteditable]")) return;
      const list = criteria();
      const i = current();
      const key = e.key.toLowerCase();
      if (key === "j" || key === "k") {
        const next = list[Math.min(list.length - 1, Math.max(0, i + (key === "j" ? 1 : -1)))] ?? list[0];
        next?.focus();
        next?.scrollIntoView({ block: "start" });
        e.preventDefault();
      } else if ((key === "m" || key === "n") && i >= 0) {
        const radio = list[i]!.querySelector<HTMLInputElement>(`input[name="outcome"][value="${key === "m" ? "MET" : "NOT_YET_MET"}"]`);
        if (radio) {
          radio.checked = true;
          radio.focus();
          e.preventDefault();
        }
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <p className="hint" id="review-keys">
      Keyboard: <kbd>J</kbd> next criterion, <kbd>K</kbd> previous, <kbd>M</kbd> choose Met, <kbd>N</kbd> choose Not yet met, then <kbd>Tab</kbd> to the signature and <kbd>Enter</kbd> to sign.
    </p>
  );
}
