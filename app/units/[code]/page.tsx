import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/require";
import { NotFoundError } from "@/server/policy";
import { getUnitTree } from "@/server/standards/queries";
import { UnitView } from "@/ui/units/unit-view";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Unit ${(await params).code.slice(0, 20)}` };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const { code } = await params;
  const actor = await requireActor(`/units/${encodeURIComponent(code)}`);
  try {
    return <UnitView unit={await getUnitTree(actor, code, (await searchParams).version)} />;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
