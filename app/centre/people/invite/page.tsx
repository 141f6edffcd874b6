import type { Metadata } from "next";
import Link from "next/link";
import { roleLabels } from "@/lib/roles";
import { invitableRoles } from "@/server/centre/invitations";
import { PASSWORD_LINK_DAYS } from "@/server/centre/password-links";
import { orNotFound, requireActor } from "@/server/edge/page";
import { administeredCentre, grantsAllowing } from "@/server/policy";
import { ActionForm } from "@/ui/action-form";
import { CheckboxGroup, TextField } from "@/ui/kit";
import { invitePersonAction } from "../actions";

export const metadata: Metadata = { title: "Invite a person" };

const hints: Record<(typeof invitableRoles)[number], string> = {
  LEARNER: "Builds a portfolio of evidence for their units",
  ASSESSOR: "Plans, reviews and decides on learners' evidence",
  IQA: "Samples assessors' decisions",
  CENTRE_ADMIN: "Manages the centre's people, enrolments and settings",
};

export default async function InvitePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/centre/people/invite");
  const { centre } = await searchParams;
  const centreId = await orNotFound(Promise.resolve().then(() => administeredCentre(actor, "administer:account", typeof centre === "string" ? centre : null)));
  const centreName = grantsAllowing(actor, "administer:account").find((g) => g.centreId === centreId)?.centreName ?? "";
  return (
    <>
      <p>
        <Link href="/centre/people">Back to people</Link>
      </p>
      <h1>Invite a person to {centreName}</h1>
      <p className="text-lg text-muted">
        They get an email with a link to choose a password. The link works once, for {PASSWORD_LINK_DAYS} days; you can send a new one from their page.
      </p>
      <ActionForm action={invitePersonAction} submitLabel="Send invitation" pendingLabel="Sending invitation…">
        <input type="hidden" name="centreId" value={centreId} />
        <TextField name="name" label="Full name" autoComplete="off" required />
        <TextField
          name="email"
          type="email"
          label="Email address"
          hint="The invitation goes here; they sign in with it."
          autoComplete="off"
          spellCheck={false}
          required
        />
        <CheckboxGroup
          id="roles"
          name="roles"
          legend="Roles"
          hint="Choose one or more. External verifiers are given access separately."
          options={invitableRoles.map((r) => ({ value: r, label: roleLabels[r], hint: hints[r] }))}
        />
      </ActionForm>
    </>
  );
}
