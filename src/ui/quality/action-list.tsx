import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { ActionRow } from "@/server/quality/actions-read";
import { Status } from "@/ui/kit";

const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));

/** Actions as a list of short entries: title (a link), learner and unit, who, when due, open or closed in words. */
export function ActionList({ rows, who }: { rows: ActionRow[]; who: "assessor" | "raiser" | "both" }) {
  return (
    <ul className="list-none ps-0">
      {rows.map((a) => (
        <li key={a.id} className="mb-3 border-b border-line pb-2 break-words">
          <Link href={`/quality/actions/${a.id}`} className="font-semibold">
            {a.title}
          </Link>
          <br />
          {a.learnerName}, {a.unitCode}
          {a.criterionCode ? ` ${a.criterionCode}` : ""}
          {who !== "raiser" && `; raised by ${a.raisedByName}`}
          {who !== "assessor" && `; for ${a.assessorName}`}
          <br />
          Due {day(a.dueOn)}. {a.closedAt ? <Status tone="neutral">Closed {formatDate(a.closedAt)}</Status> : <Status tone="info">Open</Status>}
        </li>
      ))}
    </ul>
  );
}
