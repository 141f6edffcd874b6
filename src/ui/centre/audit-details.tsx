import type { ReactNode } from "react";

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).sort().join() === "from,to";

/** One value in words: text as it is, a change as "old → new", lists and objects as nested lists. */
function Value({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return "none";
  if (typeof value !== "object") return String(value);
  if (isChange(value)) return `${String(value.from)} → ${String(value.to)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    if (value.every((v) => typeof v !== "object" || v === null)) return value.map(String).join(", ");
    return (
      <ul className="my-0 pl-5">
        {value.map((v, i) => (
          <li key={i}>
            <Value value={v} />
          </li>
        ))}
      </ul>
    );
  }
  return <Fields data={value as Record<string, unknown>} />;
}

function Fields({ data }: { data: Record<string, unknown> }) {
  return (
    <dl className="m-0">
      {Object.entries(data).map(([key, value]) => (
        <div key={key} className="wrap-anywhere">
          <dt className="inline font-semibold">{key}: </dt>
          <dd className="ml-0 inline">
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An audit event's data, readable: each field on its line, a change as "old → new". */
export function AuditDetails({ data }: { data: unknown }) {
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return (
      <p className="m-0 wrap-anywhere">
        <Value value={data} />
      </p>
    );
  if (!Object.keys(data).length) return <p className="m-0 text-muted">No details.</p>;
  return <Fields data={data as Record<string, unknown>} />;
}
