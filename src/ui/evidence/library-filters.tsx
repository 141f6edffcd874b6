import { dayPartNames } from "@/lib/day-parts";
import { methodLabels } from "@/lib/portfolio/schemas";
import { DateField } from "../kit/date-field";

/** A date filter's boxes as they were sent (so what was typed stays), or an older link's "YYYY-MM-DD". */
function typed(values: Record<string, string | undefined>, name: string) {
  const n = dayPartNames(name);
  if (values[n.day] === undefined && values[n.month] === undefined && values[n.year] === undefined) return values[name];
  return { day: values[n.day] ?? "", month: values[n.month] ?? "", year: values[n.year] ?? "" };
}

/** Filters as a plain GET form: works without JavaScript and keeps the URL shareable. */
export function LibraryFilters({ values, learner }: { values: Record<string, string | undefined>; learner?: string }) {
  return (
    <form method="get" className="filters" aria-label="Filter evidence">
      {learner && <input type="hidden" name="learner" value={learner} />}
      <div>
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" defaultValue={values.q} />
      </div>
      <div>
        <label htmlFor="f-unit">Unit</label>
        <select id="f-unit" name="unit" defaultValue={values.unit ?? ""}>
          <option value="">Any unit</option>
          <option value="CPC308">CPC 308</option>
          <option value="AG26">AG26</option>
        </select>
      </div>
      <div>
        <label htmlFor="f-code">Criterion code</label>
        <input id="f-code" name="code" type="text" size={6} defaultValue={values.code} />
      </div>
      <div>
        <label htmlFor="f-method">Method</label>
        <select id="f-method" name="method" defaultValue={values.method ?? ""}>
          <option value="">Any method</option>
          {Object.entries(methodLabels).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-state">State</label>
        <select id="f-state" name="state" defaultValue={values.state ?? ""}>
          <option value="">Any state</option>
          <option value="DRAFT">Draft</option>
          <option value="SUBMITTED">Submitted</option>
          <option value="WITHDRAWN">Withdrawn</option>
        </select>
      </div>
      <DateField id="f-from" name="from" legend="Activity from" defaultValue={typed(values, "from")} />
      <DateField id="f-to" name="to" legend="Activity to" defaultValue={typed(values, "to")} />
      {values.criterion && <input type="hidden" name="criterion" value={values.criterion} />}
      <button type="submit">Filter</button>
    </form>
  );
}
