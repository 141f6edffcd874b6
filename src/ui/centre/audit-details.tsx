/** An audit event's data as a list of its fields, each value in plain text (lists and objects as compact JSON). */
export function AuditDetails({ data }: { data: unknown }) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return <p className="m-0 wrap-anywhere">{JSON.stringify(data)}</p>;
  const entries = Object.entries(data as Record<string, unknown>);
  if (!entries.length) return <p className="m-0 text-muted">No details.</p>;
  return (
    <dl className="m-0">
      {entries.map(([key, value]) => (
        <div key={key} className="wrap-anywhere">
          <dt className="inline font-semibold">{key}: </dt>
          <dd className="ml-0 inline">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
