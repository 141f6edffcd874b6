import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { methodLabels } from "@/lib/portfolio/schemas";
import { assessmentMethods } from "@/lib/standards/unit-file";
import { orNotFound, requireActor } from "@/server/edge/page";
import { getPlan } from "@/server/portfolio/plan";
import { ActionForm } from "@/ui/action-form";
import { DataTable, Disclosure, Notice, TextField } from "@/ui/kit";
import { PlanEditor } from "@/ui/plan/plan-editor";
import { savePlanAction, signPlanAction } from "../../actions";

export const metadata: Metadata = { title: "Assessment plan" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/enrolments/${encodeURIComponent(id)}/plan`);
  const plan = await orNotFound(getPlan(actor, id));
  const { enrolment, versions, criteria } = plan;
  const latest = versions[0];
  const signedByMe = latest?.signatures.some((s) => s.userId === actor.userId);
  const methods = enrolment.unit.assessmentMethods.length ? enrolment.unit.assessmentMethods.map((m) => m.method) : [...assessmentMethods];
  return (
    <>
      <p className="text-muted">
        {enrolment.learner.name} · <Link href={`/enrolments/${enrolment.id}/progress`}>Progress</Link>
      </p>
      <h1>
        Assessment plan: {enrolment.unit.displayCode} {enrolment.unit.title}
      </h1>
      {enrolment.unit.planRequiredFirst && <Notice>This unit needs an agreed plan before evidence can be submitted for it.</Notice>}
      {!latest ? (
        <p>{plan.can.update ? "There is no plan yet. Draft it below." : "Your assessor has not drafted a plan yet."}</p>
      ) : (
        <section aria-labelledby="current-plan">
          <h2 id="current-plan">
            Version {latest.version}: {latest.agreed ? "agreed" : "awaiting signatures"}
          </h2>
          <PlanItems items={latest.items} version={latest.version} />
          <Signatures signatures={latest.signatures} />
          {plan.can.sign && !signedByMe && (
            <ActionForm action={signPlanAction} submitLabel="Sign plan" pendingLabel="Signing…" done="You have signed the plan.">
              <input type="hidden" name="enrolmentId" value={enrolment.id} />
              <input type="hidden" name="contentHash" value={latest.contentHash} />
              <TextField
                name="typedName"
                label={`Type your full name to sign version ${latest.version}`}
                hint="Your signature records your name, the time and a fingerprint of this version of the plan."
                autoComplete="name"
                required
              />
            </ActionForm>
          )}
        </section>
      )}
      {plan.can.update && (
        <section aria-labelledby="edit-plan">
          <h2 id="edit-plan">{latest ? "Change the plan" : "Draft the plan"}</h2>
          {latest?.signatures.length ? <p>This version has been signed, so saving a change makes a new version that both of you sign again.</p> : null}
          <ActionForm action={savePlanAction} submitLabel="Save plan" done="Plan saved.">
            <input type="hidden" name="enrolmentId" value={enrolment.id} />
            <PlanEditor
              criteria={criteria}
              methods={methods}
              initial={(latest?.items ?? []).map((i) => ({
                criterionIds: i.criteria.map((c) => c.id),
                method: i.method,
                task: i.task,
                targetDate: isoDay(i.targetDate),
              }))}
            />
          </ActionForm>
        </section>
      )}
      {versions.length > 1 && (
        <section aria-labelledby="earlier-plans">
          <h2 id="earlier-plans">Earlier versions</h2>
          {versions.slice(1).map((v) => (
            <Disclosure key={v.id} summary={`Version ${v.version}, saved ${formatDateTime(v.createdAt)}`}>
              <PlanItems items={v.items} version={v.version} />
              <Signatures signatures={v.signatures} />
            </Disclosure>
          ))}
        </section>
      )}
    </>
  );
}

type Items = Awaited<ReturnType<typeof getPlan>>["versions"][number]["items"];

function PlanItems({ items, version }: { items: Items; version: number }) {
  return (
    <DataTable stack label={`Plan items, version ${version}`} caption="Plan items">
      <thead>
        <tr>
          <th scope="col">Criteria</th>
          <th scope="col">Method</th>
          <th scope="col">Task</th>
          <th scope="col">Target date</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.criteria.map((c) => c.code).join(", ")}</th>
            <td data-label="Method">{methodLabels[i.method]}</td>
            <td data-label="Task">{i.task}</td>
            <td data-label="Target date">{formatDate(i.targetDate)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function Signatures({ signatures }: { signatures: { id: string; role: string; typedName: string; signedAt: Date }[] }) {
  if (!signatures.length) return <p>Not signed yet.</p>;
  return (
    <ul>
      {signatures.map((s) => (
        <li key={s.id}>
          Signed by {s.typedName} ({s.role === "LEARNER" ? "learner" : "assessor"}) on {formatDateTime(s.signedAt)}
        </li>
      ))}
    </ul>
  );
}
