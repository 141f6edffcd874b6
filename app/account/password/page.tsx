import type { Metadata } from "next";
import { requireActor } from "@/server/edge/page";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/change-password";
import { ActionForm } from "@/ui/action-form";
import { FieldError } from "@/ui/field-error";
import { changePasswordAction } from "../actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await requireActor("/account/password");
  return (
    <>
      <h1>Change password</h1>
      <p className="lead">
        {actor.name}, {actor.email}
      </p>
      <p>Changing your password signs you out everywhere, on this device and any other. You then sign in again with the new password.</p>
      <ActionForm action={changePasswordAction} submitLabel="Change password" pendingLabel="Changing password…">
        <div className="field">
          <label htmlFor="currentPassword">Current password</label>
          <FieldError name="currentPassword" />
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="newPassword">New password</label>
          <p className="hint" id="newPassword-hint">
            At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.
          </p>
          <FieldError name="newPassword" />
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} aria-describedby="newPassword-hint" required />
        </div>
        <div className="field">
          <label htmlFor="confirmPassword">New password again</label>
          <FieldError name="confirmPassword" />
          <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
        </div>
      </ActionForm>
    </>
  );
}
