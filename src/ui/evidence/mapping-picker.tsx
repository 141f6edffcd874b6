"use client";
import { useState } from "react";
import { sectionLabel } from "@/lib/standards/labels";
import { FieldError } from "@/ui/field-error";
import { CheckboxGroup, Choice, Fieldset, TextField } from "@/ui/kit";

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
const idPart = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "-");

/** Choose criteria across all the learner's units, with a note each, and scope options; searchable. */
export function MappingPicker({
  units,
  notes,
  scopeOptionIds,
  offsets,
}: {
  units: Unit[];
  notes: Record<string, string>;
  scopeOptionIds: string[];
  offsets?: Record<string, string>;
}) {
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set(Object.keys(notes)));
  const q = query.trim().toLowerCase();
  const matches = (code: string, text: string, unit: string) => !q || `${unit} ${code} ${plain(text)}`.toLowerCase().includes(q);
  const toggle = (id: string, on: boolean) => setChosen((s) => (on ? new Set([...s, id]) : new Set([...s].filter((x) => x !== id))));
  return (
    <div>
      {/* One message for all the checkboxes of each name, above them all. */}
      <FieldError name="criterion" />
      <FieldError name="scopeOption" />
      <TextField
        id="criteria-search"
        type="search"
        label="Search criteria"
        hint="Type a code such as A1 or 1.1, or words from the criterion. Chosen criteria stay chosen while you search."
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {units.map((u) => (
        <Fieldset key={u.enrolmentId} id={`unit-${u.enrolmentId}`} boxed legend={`${u.unit.displayCode}: ${u.unit.title}`}>
          {u.unit.sections.map((s) => {
            const visible = s.criteria.filter((c) => matches(c.code, c.text, u.unit.displayCode) || chosen.has(c.id));
            if (!visible.length) return null;
            return (
              <Fieldset key={s.code} id={`section-${u.enrolmentId}-${idPart(s.code)}`} boxed className="border-dashed" legend={sectionLabel(s, "Knowledge: ")}>
                {visible.map((c) => (
                  <Choice
                    key={c.id}
                    id={`c-${c.id}`}
                    type="checkbox"
                    name="criterion"
                    value={c.id}
                    checked={chosen.has(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                    label={`${u.unit.displayCode} ${c.code}: ${plain(c.text)}`}
                  >
                    {chosen.has(c.id) && (
                      <>
                        <TextField
                          id={`note-${c.id}`}
                          name={`note-${c.id}`}
                          label={`How this item shows ${u.unit.displayCode} ${c.code}`}
                          required
                          maxLength={2000}
                          defaultValue={notes[c.id] ?? ""}
                        />
                        {offsets && (
                          <TextField
                            id={`at-${c.id}`}
                            name={`at-${c.id}`}
                            label={`Where the recording covers ${c.code} (minutes:seconds)`}
                            inputMode="numeric"
                            pattern="(\d{1,3}:)?\d{1,5}"
                            size={8}
                            defaultValue={offsets[c.id] ?? ""}
                          />
                        )}
                      </>
                    )}
                  </Choice>
                ))}
              </Fieldset>
            );
          })}
          {u.unit.scopeCategories.length > 0 && (
            <Fieldset id={`scope-${u.enrolmentId}`} boxed className="border-dashed" legend={`${u.unit.displayCode} scope options this item covers`}>
              {u.unit.scopeCategories.map((cat) => (
                <CheckboxGroup
                  key={cat.name}
                  id={`scope-${u.enrolmentId}-${idPart(cat.name)}`}
                  name="scopeOption"
                  errorName={null}
                  legend={cat.name}
                  boxed
                  className="border-dashed"
                  defaultValues={scopeOptionIds}
                  options={cat.options.map((o) => ({ id: `s-${o.id}`, value: o.id, label: o.text }))}
                />
              ))}
            </Fieldset>
          )}
        </Fieldset>
      ))}
    </div>
  );
}
