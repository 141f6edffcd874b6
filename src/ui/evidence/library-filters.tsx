import { dayPartNames } from "@/lib/day-parts";
import { methodLabels } from "@/lib/portfolio/schemas";
import { Button, DateField, SelectField, TextField } from "@/ui/kit";

/** A date filter's boxes as they were sent (so what was typed stays), or an older link's "YYYY-MM-DD". */
function typed(values: Record<string, string | undefined>, name: string) {
  const n = dayPartNames(name);
  if (values[n.day] === undefined && values[n.month] === undefined && values[n.year] === undefined) return values[name];
  return { day: values[n.day] ?? "", month: values[n.month] ?? "", year: values[n.year] ?? "" };
}

/** Filters as a plain GET form: works without JavaScript and keeps the URL shareable. */
export function LibraryFilters({ values, learner }: { values: Record<string, string | undefined>; learner?: string }) {
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-start gap-x-4 rounded-md border border-line bg-panel px-3 pt-3 print:hidden"
      aria-label="Filter evidence"
    >
      {learner && <input type="hidden" name="learner" value={learner} />}
      <TextField id="q" name="q" type="search" label="Search" defaultValue={values.q} />
      <SelectField id="f-unit" name="unit" label="Unit" defaultValue={values.unit ?? ""}>
        <option value="">Any unit</option>
        <option value="CPC308">CPC 308</option>
        <option value="AG26">AG26</option>
      </SelectField>
      <TextField id="f-code" name="code" label="Criterion code" size={6} defaultValue={values.code} />
      <SelectField id="f-method" name="method" label="Method" defaultValue={values.method ?? ""}>
        <option value="">Any method</option>
        {Object.entries(methodLabels).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </SelectField>
      <SelectField id="f-state" name="state" label="State" defaultValue={values.state ?? ""}>
        <option value="">Any state</option>
        <option value="DRAFT">Draft</option>
        <option value="SUBMITTED">Submitted</option>
        <option value="WITHDRAWN">Withdrawn</option>
      </SelectField>
      <DateField id="f-from" name="from" legend="Activity from" defaultValue={typed(values, "from")} />
      <DateField id="f-to" name="to" legend="Activity to" defaultValue={typed(values, "to")} />
      {values.criterion && <input type="hidden" name="criterion" value={values.criterion} />}
      <Button type="submit" className="mb-5 self-end">
        Filter
      </Button>
    </form>
  );
}
