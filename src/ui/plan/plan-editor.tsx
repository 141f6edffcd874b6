"use client";
import { useState } from "react";
import { partsOfDay } from "@/lib/day-parts";
import { Button, Choice, DateField, Fieldset, SelectField, TextAreaField } from "@/ui/kit";
import { MethodOptions } from "@/ui/method-options";

type Criterion = { id: string; code: string; text: string; section: { title: string; kind: string; code: string } };
type Parts = { day: string; month: string; year: string };
type Item = { criterionIds: string[]; method: string; task: string; targetDate: Parts };
const noDate: Parts = { day: "", month: "", year: "" };

/**
 * The assessor's plan: items of criteria, method, task and target date. Sent as one JSON field; a
 * target date goes as the day / month / year typed, which the server's schema reads.
 */
export function PlanEditor({
  criteria,
  methods,
  initial,
}: {
  criteria: Criterion[];
  methods: string[];
  initial: (Omit<Item, "targetDate"> & { targetDate: string })[];
}) {
  const [items, setItems] = useState<Item[]>(() =>
    initial.length
      ? initial.map((i) => ({ ...i, targetDate: partsOfDay(i.targetDate) }))
      : [{ criterionIds: [], method: methods[0] ?? "WORK_PRODUCT", task: "", targetDate: noDate }],
  );
  const change = (i: number, patch: Partial<Item>) => setItems((all) => all.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <>
      <input type="hidden" name="items" value={JSON.stringify(items)} />
      {items.map((item, i) => (
        // plan-item: the e2e tests count the items by it.
        <Fieldset key={i} id={`p${i}`} legend={`Plan item ${i + 1}`} boxed className="plan-item">
          <Fieldset id={`p${i}-criteria`} legend="Criteria covered" errorName={`items.${i}.criterionIds`}>
            <div className="flex flex-wrap gap-x-5">
              {criteria.map((c) => (
                <Choice
                  key={c.id}
                  id={`p${i}-${c.id}`}
                  type="checkbox"
                  data-field={c === criteria[0] ? `items.${i}.criterionIds` : undefined}
                  label={c.code}
                  labelTitle={c.text.replace(/\*\*/g, "")}
                  checked={item.criterionIds.includes(c.id)}
                  onChange={(e) => change(i, { criterionIds: e.target.checked ? [...item.criterionIds, c.id] : item.criterionIds.filter((x) => x !== c.id) })}
                />
              ))}
            </div>
          </Fieldset>
          <SelectField
            id={`p${i}-method`}
            errorName={`items.${i}.method`}
            data-field={`items.${i}.method`}
            label="Assessment method"
            value={item.method}
            onChange={(e) => change(i, { method: e.target.value })}
          >
            <MethodOptions methods={methods} />
          </SelectField>
          <TextAreaField
            id={`p${i}-task`}
            errorName={`items.${i}.task`}
            data-field={`items.${i}.task`}
            label="Task"
            rows={2}
            value={item.task}
            onChange={(e) => change(i, { task: e.target.value })}
          />
          <DateField
            id={`p${i}-date`}
            legend="Target date"
            errorName={`items.${i}.targetDate`}
            value={item.targetDate}
            onChange={(targetDate) => change(i, { targetDate })}
          />
          {items.length > 1 && (
            <Button variant="secondary" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
              Remove plan item {i + 1}
            </Button>
          )}
        </Fieldset>
      ))}
      <p>
        <Button
          variant="secondary"
          onClick={() => setItems((all) => [...all, { criterionIds: [], method: methods[0] ?? "WORK_PRODUCT", task: "", targetDate: noDate }])}
        >
          Add another plan item
        </Button>
      </p>
    </>
  );
}
