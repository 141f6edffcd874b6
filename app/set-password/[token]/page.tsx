import type { Metadata } from "next";
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/change-password";
import { LINK_NOT_VALID, passwordLinkView } from "@/server/auth/password-link-use";
import { ActionForm } from "@/ui/action-form";
import { NewPasswordFields } from "@/ui/people/new-password-fields";
import { setPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await passwordLinkView(token);
  if (view.state !== "open")
    return (
      <>
        <h1>This link does not work</h1>
        <p>{LINK_NOT_VALID}</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link> with your email address, or ask your centre&apos;s administrator to send you one.
        </p>
      </>
    );
  return (
    <>
      <h1>{view.purpose === "INVITE" ? "Choose your password" : "Choose a new password"}</h1>
      <p className="text-lg text-muted">
        For the Attest account of {view.name}, {view.email}
      </p>
      <p>This link works once. After you choose a password you are signed out everywhere and sign in with it.</p>
      <ActionForm action={setPasswordAction} submitLabel="Save password" pendingLabel="Saving password…">
        <input type="hidden" name="token" value={token} />
        <input type="text" name="username" autoComplete="username" value={view.email} readOnly hidden />
        <NewPasswordFields minLength={MIN_PASSWORD_LENGTH} />
      </ActionForm>
    </>
  );
}
