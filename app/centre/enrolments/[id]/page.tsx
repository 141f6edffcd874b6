import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { enrolmentDetail } from "@/server/centre/enrolments";
import { orNotFound, requireActor } from "@/server/edge/page";
import { ActionForm } from "@/ui/action-form";
import { EnrolmentStatusText } from "@/ui/enrolment-status";
import { Card, DataTable, DateField, Facts, Notice, SelectField, TextAreaField, TextField } from "@/ui/kit";
import { assignEnrolmentAction, changeUnitVersionAction, markCertificatedAction, withdrawEnrolmentAction } from "../actions";

export const metadata: Metadata = { title: "Enrolment" };

const roleNames = { ASSESSOR: "Assessor", IQA: "Internal quality assurer" } as const;

export default async function EnrolmentAdminPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ enrolled?: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/centre/enrolments/${id}`);
  const d = await orNotFound(enrolmentDetail(actor, id));
  const e = d.enrolment;
  const justEnrolled = (await searchParams).enrolled === "1";
  return (
    <>
      <p>
        <Link href="/centre/enrolments">Back to enrolments</Link>
      </p>
      <h1 className="break-words">
        {e.learner.name}, {e.unit.displayCode}
      </h1>
      {justEnrolled && (
        <Notice tone="success" role="status">
          {e.learner.name} is enrolled on {e.unit.displayCode}.
        </Notice>
      )}
      <Facts>
        <dt>Learner</dt>
        <dd>
          {e.learner.name} ({e.learner.email})
        </dd>
        <dt>Unit</dt>
        <dd>
          {e.unit.displayCode} {e.unit.title}, version {e.unit.version}
        </dd>
        <dt>Status</dt>
        <dd>
          <EnrolmentStatusText status={e.status} />
          {e.withdrawnAt && ` on ${formatDate(e.withdrawnAt)}: ${e.withdrawalReason}`}
          {e.certificateNumber && e.certificatedOn && `: certificate ${e.certificateNumber}, dated ${formatDate(e.certificatedOn)}`}
        </dd>
        <dt>Started</dt>
        <dd>{formatDate(e.startedAt)}</dd>
        <dt>Assessor</dt>
        <dd>{e.assessor?.name ?? "None"}</dd>
        <dt>Internal quality assurer</dt>
        <dd>{e.iqa?.name ?? "None"}</dd>
      </Facts>

      <h2>Assessor and internal quality assurer</h2>
      {d.can.assign ? (
        <div className="grid gap-4 lg:grid-cols-2">
          {(["ASSESSOR", "IQA"] as const).map((role) => (
            <Card key={role} title={`Change ${role === "ASSESSOR" ? "assessor" : "internal quality assurer"}`} level={3}>
              <ActionForm
                action={assignEnrolmentAction}
                submitLabel={role === "ASSESSOR" ? "Change assessor" : "Change internal quality assurer"}
                pendingLabel="Saving…"
              >
                <input type="hidden" name="enrolmentId" value={e.id} />
                <input type="hidden" name="role" value={role} />
                <SelectField id={`userId-${role}`} name="userId" label={roleNames[role]} defaultValue={(role === "ASSESSOR" ? e.assessorId : e.iqaId) ?? ""}>
                  <option value="">Nobody</option>
                  {(role === "ASSESSOR" ? d.assessors : d.iqas).map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.email})
                    </option>
                  ))}
                </SelectField>
                <TextField id={`reason-${role}`} name="reason" label="Reason (optional)" hint="Kept in the history and the audit trail." />
              </ActionForm>
            </Card>
          ))}
        </div>
      ) : (
        <p>This enrolment was withdrawn, so nobody can be assigned to it.</p>
      )}

      <DataTable
        stack
        label="Assignment history"
        caption="Who was assigned, and when (newest first)"
        isEmpty={d.assignments.length === 0}
        empty="Nobody has been assigned yet."
      >
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Person</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">By, and why</th>
          </tr>
        </thead>
        <tbody>
          {d.assignments.map((a) => (
            <tr key={a.id}>
              <th scope="row">{roleNames[a.role as keyof typeof roleNames] ?? a.role}</th>
              <td data-label="Person">{a.name ?? "Nobody"}</td>
              <td data-label="From">{formatDateTime(a.startedAt)}</td>
              <td data-label="Until">{a.endedAt ? formatDateTime(a.endedAt) : "Now"}</td>
              <td data-label="By, and why">{[a.by ?? "Set when the enrolment was made", a.reason].filter(Boolean).join(": ")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      <h2>Unit version</h2>
      <p>
        The learner stays on version {e.unit.version} until you move them. Moving keeps every judgement, decision and evidence link, matched by criterion code.
      </p>
      {d.unitChanges.length > 0 && (
        <ul>
          {d.unitChanges.map((c) => (
            <li key={c.id}>
              {formatDateTime(c.at)}: moved from version {c.from} to version {c.to} by {c.by ?? "the system"}: {c.reason}
            </li>
          ))}
        </ul>
      )}
      {d.can.changeVersion && (
        <Card title="Move to another version" level={3}>
          <ActionForm action={changeUnitVersionAction} submitLabel="Move to this version" pendingLabel="Moving…">
            <input type="hidden" name="enrolmentId" value={e.id} />
            <SelectField name="unitId" label="Version" defaultValue="">
              <option value="">Choose a version</option>
              {d.otherVersions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.version}
                  {v.publishedAt ? `, published ${formatDate(v.publishedAt)}` : ""}
                </option>
              ))}
            </SelectField>
            <TextField name="reason" label="Reason" required />
          </ActionForm>
        </Card>
      )}

      {d.can.certificate && (
        <>
          <h2>Certificate</h2>
          <p>The unit is completed: signed off by the assessor and countersigned by the learner. Record the awarding body&apos;s certificate.</p>
          <ActionForm action={markCertificatedAction} submitLabel="Record certificate" pendingLabel="Saving…" className="max-w-2xl">
            <input type="hidden" name="enrolmentId" value={e.id} />
            <TextField name="certificateNumber" label="Certificate number" autoComplete="off" spellCheck={false} required />
            <DateField id="certificatedOn" name="certificatedOn" legend="Certificate date" defaultValue={isoDay(new Date())} />
          </ActionForm>
        </>
      )}

      {d.can.withdraw && (
        <>
          <h2>Withdraw</h2>
          <p>
            A withdrawn enrolment stays readable as a record. It leaves the assessor&apos;s caseload and takes no new decisions, plans, records or evidence
            links.
          </p>
          <ActionForm action={withdrawEnrolmentAction} submitLabel="Withdraw learner from unit" pendingLabel="Withdrawing…" secondary className="max-w-2xl">
            <input type="hidden" name="enrolmentId" value={e.id} />
            <TextAreaField name="reason" label="Reason for withdrawing" rows={3} required />
          </ActionForm>
        </>
      )}
    </>
  );
}
