import type { Metadata } from "next";
import { orNotFound, requireActor } from "@/server/edge/page";
import { getUnitTree } from "@/server/standards/queries";
import { UnitView } from "@/ui/units/unit-view";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Unit ${(await params).code.slice(0, 20)}` };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const { code } = await params;
  const actor = await requireActor(`/units/${encodeURIComponent(code)}`);
  return <UnitView unit={await orNotFound(getUnitTree(actor, code, (await searchParams).version))} />;
}
