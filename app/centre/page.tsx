import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/server/edge/page";
import { centreSectionsFor } from "@/server/home/navigation";
import { Card, CardList } from "@/ui/kit";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Centre" };

// A centre admin's index of what they run; the header links only the daily pages.
export default async function CentrePage() {
  const actor = await requireActor("/centre");
  const sections = centreSectionsFor(actor);
  if (!sections.some((s) => s.href === "/centre/settings")) notFound();
  const centres = [...new Set(actor.grants.filter((g) => g.role === "CENTRE_ADMIN").map((g) => g.centreName))];
  return (
    <>
      <h1>Run your centre</h1>
      <p className="text-lg text-muted">{centres.join(", ")}</p>
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
