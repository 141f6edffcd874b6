"use client";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

export type Tab = { id: string; label: string; content: ReactNode };

/**
 * Tabs in the ARIA pattern (arrow keys, Home, End). Written by hand rather than with Radix Tabs,
 * whose server render puts a style attribute on the panel that the CSP refuses. Without
 * JavaScript every panel shows, one after another under its own heading, as GOV.UK's tabs do.
 */
export function Tabs({ label, tabs, initial }: { label: string; tabs: Tab[]; initial?: string }) {
  const base = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const buttons = useRef<Map<string, HTMLButtonElement>>(new Map());
  useEffect(() => setEnhanced(true), []);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const to = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = tabs[to];
    if (!tab) return;
    setSelected(tab.id);
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <div>
      {enhanced && (
        <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b-2 border-line-strong">
          {tabs.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) buttons.current.set(t.id, el);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-controls={`${base}-panel-${t.id}`}
              aria-selected={t.id === selected}
              tabIndex={t.id === selected ? 0 : -1}
              onClick={() => setSelected(t.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={cn(
                "-mb-0.5 rounded-t-md rounded-b-none border-2 border-b-0 px-4 py-2",
                t.id === selected
                  ? "border-line-strong border-b-paper bg-paper text-ink underline decoration-4 underline-offset-8"
                  : "border-transparent bg-panel text-brand",
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`${base}-panel-${t.id}`}
          {...(enhanced ? { role: "tabpanel", "aria-labelledby": `${base}-tab-${t.id}`, tabIndex: 0, hidden: t.id !== selected } : {})}
          className="py-4"
        >
          {!enhanced && <h3>{t.label}</h3>}
          {t.content}
        </div>
      ))}
    </div>
  );
}
