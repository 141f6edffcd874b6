import type { Metadata } from "next";
import { requireActor } from "@/server/edge/page";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/change-password";
import { ActionForm } from "@/ui/action-form";
import { NewPasswordFields } from "@/ui/people/new-password-fields";
import { TextField } from "@/ui/kit";
import { changePasswordAction } from "../actions";
import { signOutMyselfEverywhereAction } from "../sessions-actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await requireActor("/account/password");
  return (
    <>
      <h1>Change password</h1>
      <p className="text-lg text-muted">
        {actor.name}, {actor.email}
      </p>
      <p>Changing your password signs you out everywhere, on this device and any other. You then sign in again with the new password.</p>
      <ActionForm action={changePasswordAction} submitLabel="Change password" pendingLabel="Changing password…">
        <TextField name="currentPassword" type="password" label="Current password" autoComplete="current-password" required />
        <NewPasswordFields minLength={MIN_PASSWORD_LENGTH} />
      </ActionForm>
      <section aria-labelledby="everywhere">
        <h2 id="everywhere">Sign out everywhere</h2>
        <p>Left yourself signed in on a shared computer, or lost a phone? This ends every session of your account, this one included.</p>
        <ActionForm action={signOutMyselfEverywhereAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…" secondary>
          {null}
        </ActionForm>
      </section>
    </>
  );
}
