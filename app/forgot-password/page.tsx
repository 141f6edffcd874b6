import type { Metadata } from "next";
import Link from "next/link";
import { RESETS_PER_HOUR } from "@/server/auth/password-link-use";
import { ActionForm } from "@/ui/action-form";
import { Notice, TextField } from "@/ui/kit";
import { forgottenPasswordAction } from "../set-password/actions";

export const metadata: Metadata = { title: "Forgotten password" };

export default async function ForgottenPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { sent } = await searchParams;
  if (sent === "1")
    return (
      <>
        <h1>Check your email</h1>
        <Notice tone="success" role="status">
          If an active Attest account uses that address, we have sent it a link to choose a new password. The link works once, for 7 days.
        </Notice>
        <p>
          Nothing arrived after a few minutes? Check your spam folder. A person can be sent at most {RESETS_PER_HOUR} links an hour; if you still have nothing,
          ask your centre&apos;s administrator.
        </p>
        <p>
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>Forgotten password</h1>
      <p className="text-lg text-muted">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
      <ActionForm action={forgottenPasswordAction} submitLabel="Send me a link" pendingLabel="Sending…">
        <TextField name="email" type="email" label="Email address" autoComplete="email" spellCheck={false} required />
      </ActionForm>
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </>
  );
}
