import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/edge/page";
import { listUnits } from "@/server/standards/queries";
import { Card, CardList } from "@/ui/kit";
import { Facts } from "@/ui/kit";

export const metadata: Metadata = { title: "Units" };

export default async function UnitsPage() {
  const actor = await requireActor("/units");
  const units = await listUnits(actor);
  return (
    <>
      <h1>Units</h1>
      <p className="text-lg text-muted">The units in Attest, as their awarding bodies publish them.</p>
      <CardList>
        {units.map((u) => (
          <Card
            key={u.code}
            as="li"
            level={2}
            title={
              <Link href={`/units/${u.code}`} className="break-words">
                {u.displayCode}: {u.title}
              </Link>
            }
          >
            <Facts>
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
            </Facts>
          </Card>
        ))}
      </CardList>
    </>
  );
}
