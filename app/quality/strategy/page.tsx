import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requireActor } from "@/server/edge/page";
import { strategyOverview } from "@/server/quality/strategy-page";
import { ActionForm } from "@/ui/action-form";
import { Card, Disclosure } from "@/ui/kit";
import { StrategyFields } from "@/ui/quality/strategy-fields";
import { StrategySummary } from "@/ui/quality/strategy-summary";
import { saveStrategyAction, removeUnitStrategyAction } from "./actions";
import { CentreSwitcher } from "@/ui/quality/centre-switcher";

export const metadata: Metadata = { title: "Sampling strategy" };

type Props = { searchParams: Promise<{ centre?: string }> };

export default async function StrategyPage({ searchParams }: Props) {
  const actor = await requireActor("/quality/strategy");
  const data = await orNotFound(strategyOverview(actor, (await searchParams).centre));
  const hidden = (unitCode: string) => (
    <>
      <input type="hidden" name="centreId" value={data.centreId} />
      <input type="hidden" name="unitCode" value={unitCode} />
    </>
  );
  return (
    <>
      <p className="mb-0">
        <Link href="/quality">Quality</Link>
      </p>
      <h1>Sampling strategy</h1>
      <p className="text-lg text-muted">
        {data.centreName}. How much of each assessor&apos;s work internal quality assurance samples, by their risk rating. Every change is kept in the audit log
        with its old and new value.
      </p>
      <CentreSwitcher centres={data.centres} current={data.centreId} />
      <section aria-labelledby="centre-default" className="my-4">
        <Card>
          <h2 id="centre-default" className="mt-0">
            The centre&apos;s default
          </h2>
          <p>Applies to every unit without its own strategy.</p>
          <StrategySummary strategy={data.centre.strategy} source={data.centre.source} />
          <Disclosure summary="Change the centre's default">
            <ActionForm action={saveStrategyAction} submitLabel="Save the centre's default" pendingLabel="Saving…" done="The centre's default is saved.">
              {hidden("")}
              <StrategyFields idPrefix="centre" strategy={data.centre.strategy} />
            </ActionForm>
          </Disclosure>
        </Card>
      </section>
      <section aria-labelledby="units" className="my-4">
        <h2 id="units">Units</h2>
        {data.units.length === 0 ? (
          <p>The centre has no learners on any unit yet.</p>
        ) : (
          <p>Each unit your centre has learners on. A unit may have its own strategy; otherwise the centre&apos;s default applies.</p>
        )}
        <div className="grid gap-4">
          {data.units.map((u) => (
            <section key={u.code} aria-labelledby={`unit-${u.code}`}>
              <Card>
                <h3 id={`unit-${u.code}`} className="mt-0 mb-2 text-xl">
                  {u.code}: {u.title}
                </h3>
                <StrategySummary strategy={u.strategy} source={u.source} />
                <Disclosure summary={u.source === "unit" ? `Change ${u.code}'s strategy` : `Set a strategy for ${u.code} only`}>
                  <ActionForm
                    action={saveStrategyAction}
                    submitLabel={`Save ${u.code}'s strategy`}
                    pendingLabel="Saving…"
                    done={`${u.code}'s strategy is saved.`}
                  >
                    {hidden(u.code)}
                    <StrategyFields idPrefix={`unit-${u.code}`} strategy={u.strategy} />
                  </ActionForm>
                </Disclosure>
                {u.source === "unit" && (
                  <ActionForm
                    action={removeUnitStrategyAction}
                    submitLabel="Use the centre's default"
                    secondary
                    aria-label={`Use the centre's default for ${u.code}`}
                  >
                    {hidden(u.code)}
                    <p className="mt-0">Removes {u.code}&apos;s own strategy; the audit log keeps what it was.</p>
                  </ActionForm>
                )}
              </Card>
            </section>
          ))}
        </div>
      </section>
    </>
  );
}
