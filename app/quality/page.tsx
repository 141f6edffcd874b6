import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/edge/page";
import { qualitySectionsFor } from "@/server/home/navigation";
import { qualityCentres } from "@/server/quality/risk-centres";
import { Card, CardList } from "@/ui/kit";

export const metadata: Metadata = { title: "Quality" };

// Internal quality assurance, for a centre's IQAs and admins: each part one click away.
export default async function QualityPage() {
  const actor = await requireActor("/quality");
  const sections = qualitySectionsFor(actor);
  if (!sections.length) notFound();
  const centres = qualityCentres(actor).map((c) => c.name);
  return (
    <>
      <h1>Quality</h1>
      <p className="text-lg text-muted">Internal quality assurance for {centres.join(", ")}.</p>
      <CardList>
        {sections.map((s) => (
          <Card key={s.href} as="li" level={2} title={<Link href={s.href}>{s.label}</Link>}>
            <p className="m-0">{s.description}</p>
          </Card>
        ))}
      </CardList>
    </>
  );
}
