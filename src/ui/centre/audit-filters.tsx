import { dayPartNames } from "@/lib/day-parts";
import { auditKindLabels, auditKinds } from "@/server/audit/kinds";
import { Button, DateField, SelectField, TextField } from "@/ui/kit";

/** A date filter's boxes as they were sent (so what was typed stays), or a link's "YYYY-MM-DD". */
function typed(values: Record<string, string | undefined>, name: string) {
  const n = dayPartNames(name);
  if (values[n.day] === undefined && values[n.month] === undefined && values[n.year] === undefined) return values[name];
  return { day: values[n.day] ?? "", month: values[n.month] ?? "", year: values[n.year] ?? "" };
}

/** The audit log's filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export function AuditFilters({ values, centre }: { values: Record<string, string | undefined>; centre?: string }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-start gap-x-4 rounded-md border border-line bg-panel px-3 pt-3" aria-label="Filter the audit log">
      {centre && <input type="hidden" name="centre" value={centre} />}
      <TextField id="f-person" name="person" type="email" label="Person's email" defaultValue={values.person} autoComplete="off" />
      <SelectField id="f-kind" name="kind" label="Kind of event" defaultValue={values.kind ?? ""}>
        <option value="">Any kind</option>
        {auditKinds.map((k) => (
          <option key={k} value={k}>
            {auditKindLabels[k]}
          </option>
        ))}
      </SelectField>
      <DateField id="f-from" name="from" legend="From" defaultValue={typed(values, "from")} />
      <DateField id="f-to" name="to" legend="To" defaultValue={typed(values, "to")} />
      <Button type="submit" className="mb-5 self-end">
        Filter
      </Button>
    </form>
  );
}
