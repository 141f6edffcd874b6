import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/edge/page";
import { listUnits } from "@/server/standards/queries";

export const metadata: Metadata = { title: "Units" };

export default async function UnitsPage() {
  const actor = await requireActor("/units");
  const units = await listUnits(actor);
  return (
    <>
      <h1>Units</h1>
      <p className="lead">The units in Attest, as their awarding bodies publish them.</p>
      <ul className="card-list">
        {units.map((u) => (
          <li key={u.code} className="card">
            <h2>
              <Link href={`/units/${u.code}`}>
                {u.displayCode}: {u.title}
              </Link>
            </h2>
            <dl className="facts">
              <dt>Awarding body</dt>
              <dd>{u.awardingBody}</dd>
              {u.level !== null && (
                <>
                  <dt>Level</dt>
                  <dd>{u.level}</dd>
                </>
              )}
              <dt>Criteria</dt>
              <dd>
                {u.criteriaCount} in {u.sectionCount} sections
              </dd>
              <dt>Version</dt>
              <dd>{u.version}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
