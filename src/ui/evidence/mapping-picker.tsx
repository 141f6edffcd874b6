"use client";
import { useState } from "react";
import { sectionLabel } from "@/lib/standards/labels";
import { FieldError } from "../field-error";

type Unit = {
  enrolmentId: string;
  unit: {
    code: string;
    displayCode: string;
    title: string;
    sections: { code: string; title: string; kind: string; criteria: { id: string; code: string; text: string }[] }[];
    scopeCategories: { name: string; options: { id: string; text: string }[] }[];
  };
};

const plain = (s: string) => s.replace(/\*\*/g, "");

/** Choose criteria across all the learner's units, with a note each, and scope options; searchable. */
export function MappingPicker({ units, notes, scopeOptionIds, offsets }: { units: Unit[]; notes: Record<string, string>; scopeOptionIds: string[]; offsets?: Record<string, string> }) {
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set(Object.keys(notes)));
  const q = query.trim().toLowerCase();
  const matches = (code: string, text: string, unit: string) => !q || `${unit} ${code} ${plain(text)}`.toLowerCase().includes(q);
  const toggle = (id: string, on: boolean) => setChosen((s) => (on ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))));
  return (
    <div className="picker">
      <FieldError name="criterion" />
      <FieldError name="scopeOption" />
      <div className="field">
        <label htmlFor="criteria-search">Search criteria</label>
        <p className="hint" id="criteria-search-hint">
          Type a code such as A1 or 1.1, or words from the criterion. Chosen criteria stay chosen while you search.
        </p>
        <input id="criteria-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="criteria-search-hint" />
      </div>
      {units.map((u) => (
        <fieldset key={u.enrolmentId} className="picker-unit">
          <legend>
            {u.unit.displayCode}: {u.unit.title}
          </legend>
          {u.unit.sections.map((s) => {
            const visible = s.criteria.filter((c) => matches(c.code, c.text, u.unit.displayCode) || chosen.has(c.id));
            if (!visible.length) return null;
            return (
              <fieldset key={s.code} className="picker-section">
                <legend>{sectionLabel(s, "Knowledge: ")}</legend>
                {visible.map((c) => (
                  <div key={c.id} className="picker-criterion">
                    <div className="choice">
                      <input id={`c-${c.id}`} type="checkbox" name="criterion" value={c.id} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                      <label htmlFor={`c-${c.id}`}>
                        {u.unit.displayCode} {c.code}: {plain(c.text)}
                      </label>
                    </div>
                    {chosen.has(c.id) && (
                      <div className="field note">
                        <label htmlFor={`note-${c.id}`}>How this item shows {u.unit.displayCode} {c.code}</label>
                        <FieldError name={`note-${c.id}`} />
                        <input id={`note-${c.id}`} name={`note-${c.id}`} type="text" required maxLength={2000} defaultValue={notes[c.id] ?? ""} />
                        {offsets && (
                          <>
                            <label htmlFor={`at-${c.id}`}>Where the recording covers {c.code} (minutes:seconds)</label>
                            <FieldError name={`at-${c.id}`} />
                            <input id={`at-${c.id}`} name={`at-${c.id}`} type="text" inputMode="numeric" pattern="(\d{1,3}:)?\d{1,5}" size={8} defaultValue={offsets[c.id] ?? ""} />
                          </>
                        )}
                      </div>
                    )}
                  </div>
                ))}
              </fieldset>
            );
          })}
          {u.unit.scopeCategories.length > 0 && (
            <fieldset className="picker-section">
              <legend>{u.unit.displayCode} scope options this item covers</legend>
              {u.unit.scopeCategories.map((cat) => (
                <fieldset key={cat.name} className="picker-scope">
                  <legend>{cat.name}</legend>
                  {cat.options.map((o) => (
                    <div key={o.id} className="choice">
                      <input id={`s-${o.id}`} type="checkbox" name="scopeOption" value={o.id} defaultChecked={scopeOptionIds.includes(o.id)} />
                      <label htmlFor={`s-${o.id}`}>{o.text}</label>
                    </div>
                  ))}
                </fieldset>
              ))}
            </fieldset>
          )}
        </fieldset>
      ))}
    </div>
  );
}
