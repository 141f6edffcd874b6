"use server";
import { formAction } from "@/server/edge/action";
import {
  deactivatePerson,
  deactivateSchema,
  endRole,
  endRoleSchema,
  grantRole,
  grantRoleSchema,
  invitePerson,
  invitePersonSchema,
  personTarget,
  reactivatePerson,
  reactivateSchema,
  resendInvitation,
} from "@/server/centre/people-changes";

// A centre admin's changes to the people of their centre; src/server/centre checks the policy.

const personPage = (form: FormData) => `/centre/people/${String(form.get("userId"))}`;
const withCentre = (path: string, form: FormData) => (form.get("centreId") ? `${path}?centre=${String(form.get("centreId"))}` : path);

export const invitePersonAction = formAction({
  input: invitePersonSchema,
  run: (actor, input) => invitePerson(actor, input),
  refresh: () => "/centre/people",
  next: (result, form) =>
    `${withCentre(`/centre/people/${result.userId}`, form)}${form.get("centreId") ? "&" : "?"}invited=${result.created ? "new" : "roles"}`,
});

export const resendInvitationAction = formAction({ input: personTarget, run: (actor, input) => resendInvitation(actor, input), refresh: personPage });
export const deactivatePersonAction = formAction({ input: deactivateSchema, run: (actor, input) => deactivatePerson(actor, input), refresh: personPage });
export const reactivatePersonAction = formAction({ input: reactivateSchema, run: (actor, input) => reactivatePerson(actor, input), refresh: personPage });
export const grantRoleAction = formAction({ input: grantRoleSchema, run: (actor, input) => grantRole(actor, input), refresh: personPage });
export const endRoleAction = formAction({ input: endRoleSchema, run: (actor, input) => endRole(actor, input), refresh: personPage });
