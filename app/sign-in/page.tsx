import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/current";
import { Notice } from "@/ui/kit";
import { SignInForm } from "@/ui/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths, so a crafted link cannot send someone elsewhere after signing in.
const safePath = (value: unknown) => (typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/");

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safePath(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error.slice(0, 300) : null;
  return (
    <>
      <h1>Sign in to Attest</h1>
      {params.passwordChanged === "1" && (
        <Notice tone="success" role="status">
          Your password has been changed and you have been signed out everywhere. Sign in with your new password.
        </Notice>
      )}
      {params.signedOutEverywhere === "1" && (
        <Notice tone="success" role="status">
          You have been signed out everywhere, on this device and any other.
        </Notice>
      )}
      {params.passwordSet === "1" && (
        <Notice tone="success" role="status">
          Your password has been saved. Sign in with it now.
        </Notice>
      )}
      <p className="text-lg text-muted">Use the email address and password your centre gave you.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      <p>
        <Link href="/forgot-password">Forgotten your password?</Link>
      </p>
    </>
  );
}
