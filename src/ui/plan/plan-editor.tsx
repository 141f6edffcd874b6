"use client";
import { useState } from "react";
import { MethodOptions } from "../method-options";
import { partsOfDay } from "@/lib/day-parts";
import { FieldError } from "../field-error";
import { DateField } from "../kit/date-field";

type Criterion = { id: string; code: string; text: string; section: { title: string; kind: string; code: string } };
type Parts = { day: string; month: string; year: string };
type Item = { criterionIds: string[]; method: string; task: string; targetDate: Parts };
const noDate: Parts = { day: "", month: "", year: "" };

/**
 * The assessor's plan: items of criteria, method, task and target date. Sent as one JSON field; a
 * target date goes as the day / month / year typed, which the server's schema reads.
 */
export function PlanEditor({ criteria, methods, initial }: { criteria: Criterion[]; methods: string[]; initial: (Omit<Item, "targetDate"> & { targetDate: string })[] }) {
  const [items, setItems] = useState<Item[]>(() =>
    initial.length ? initial.map((i) => ({ ...i, targetDate: partsOfDay(i.targetDate) })) : [{ criterionIds: [], method: methods[0] ?? "WORK_PRODUCT", task: "", targetDate: noDate }],
  );
  const change = (i: number, patch: Partial<Item>) => setItems((all) => all.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <>
      <input type="hidden" name="items" value={JSON.stringify(items)} />
      {items.map((item, i) => (
        <fieldset key={i} className="panel plan-item">
          <legend>Plan item {i + 1}</legend>
          <fieldset>
            <legend>Criteria covered</legend>
            <FieldError name={`items.${i}.criterionIds`} />
            <div className="criteria-grid">
              {criteria.map((c) => (
                <div key={c.id} className="choice">
                  <input
                    id={`p${i}-${c.id}`}
                    data-field={c === criteria[0] ? `items.${i}.criterionIds` : undefined}
                    type="checkbox"
                    checked={item.criterionIds.includes(c.id)}
                    onChange={(e) => change(i, { criterionIds: e.target.checked ? [...item.criterionIds, c.id] : item.criterionIds.filter((x) => x !== c.id) })}
                  />
                  <label htmlFor={`p${i}-${c.id}`} title={c.text.replace(/\*\*/g, "")}>
                    {c.code}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`p${i}-method`}>Assessment method</label>
            <FieldError name={`items.${i}.method`} />
            <select id={`p${i}-method`} data-field={`items.${i}.method`} value={item.method} onChange={(e) => change(i, { method: e.target.value })}>
              <MethodOptions methods={methods} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`p${i}-task`}>Task</label>
            <FieldError name={`items.${i}.task`} />
            <textarea id={`p${i}-task`} data-field={`items.${i}.task`} rows={2} value={item.task} onChange={(e) => change(i, { task: e.target.value })} />
          </div>
          <DateField id={`p${i}-date`} legend="Target date" errorName={`items.${i}.targetDate`} value={item.targetDate} onChange={(targetDate) => change(i, { targetDate })} />
          {items.length > 1 && (
            <button type="button" className="secondary" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
              Remove plan item {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" className="secondary" onClick={() => setItems((all) => [...all, { criterionIds: [], method: methods[0] ?? "WORK_PRODUCT", task: "", targetDate: noDate }])}>
          Add another plan item
        </button>
      </p>
    </>
  );
}
