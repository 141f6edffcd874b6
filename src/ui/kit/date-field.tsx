import type { ChangeEvent } from "react";
import { partsOfDay } from "@/lib/day-parts";
import { cn } from "./cn";
import { Fieldset } from "./fieldset";

type Parts = { day: string; month: string; year: string };

type Props = {
  /** The id the boxes' ids start from, unique on the page. */
  id: string;
  /** The question, as the group's legend. */
  legend: string;
  /** Posted as `<name>-day`, `<name>-month`, `<name>-year`; leave out when the value is sent another way (JSON). */
  name?: string;
  /** The path the server reports a message under; by default `name`. */
  errorName?: string;
  hint?: string;
  /** "YYYY-MM-DD", or the boxes as typed, shown as the form first appears. */
  defaultValue?: string | Parts;
  /** Controlled use (a client component keeping the boxes in its state). */
  value?: Parts;
  onChange?: (value: Parts) => void;
};

const boxes = [
  { part: "day", label: "Day", width: "w-[3.5em]" },
  { part: "month", label: "Month", width: "w-[3.5em]" },
  { part: "year", label: "Year", width: "w-[5em]" },
] as const;

/**
 * A date as three boxes, day / month / year, as GOV.UK's date input: what people type does not
 * depend on the browser's locale. One message for the group, above the boxes; the server reads the
 * boxes (src/lib/day-parts.ts) and its message links to the Day box.
 */
export function DateField({ id, legend, name, errorName = name, hint = "For example, 27 3 2026", defaultValue, value, onChange }: Props) {
  const initial = typeof defaultValue === "object" ? defaultValue : partsOfDay(defaultValue);
  return (
    // group: when the server marks one box, all three show as refused (one message is about the date as a whole).
    <Fieldset id={id} legend={legend} hint={hint} errorName={errorName} className="group">
      <div className="flex flex-wrap gap-3">
        {boxes.map((b) => (
          <div key={b.part}>
            <label htmlFor={`${id}-${b.part}`} className="mb-1 block font-normal">
              {b.label}
            </label>
            <input
              id={`${id}-${b.part}`}
              className={cn("max-w-full rounded-md border-2 border-ink bg-paper p-[0.4rem] group-has-[[aria-invalid=true]]:border-danger", b.width)}
              name={name ? `${name}-${b.part}` : undefined}
              data-field={b.part === "day" ? errorName : undefined}
              type="text"
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              maxLength={b.part === "year" ? 6 : 4}
              {...(value
                ? { value: value[b.part], onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.({ ...value, [b.part]: e.target.value }) }
                : { defaultValue: initial[b.part] })}
            />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
