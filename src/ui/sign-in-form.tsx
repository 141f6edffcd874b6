"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { describeSignInError as describe } from "@/lib/throttle";
import { Button } from "./kit/button";
import { ErrorSummary } from "./kit/error-summary";
import { TextField } from "./kit/field";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? describe(initialError) : null);
  // Messages about one field, shown beside it; the summary links to each.
  const [fields, setFields] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  // Move focus to the problem after each failed attempt, so keyboard and screen-reader users hear it.
  useEffect(() => {
    if (attempt > 0) errorRef.current?.focus();
  }, [attempt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const missing = {
      ...(!email
        ? { email: "Enter your email address" }
        : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)
          ? { email: "Enter an email address, like name@example.com" }
          : {}),
      ...(!form.get("password") ? { password: "Enter your password" } : {}),
    };
    setFields(missing);
    if (Object.keys(missing).length) {
      setError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setPending(true);
    const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password") });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setError(describe(result?.error ?? "Signing in did not work. Try again."));
    setAttempt((n) => n + 1);
  }

  const problems = Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1]));
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {(error || problems.length > 0) && (
        <ErrorSummary
          id="sign-in-error"
          ref={errorRef}
          message={error}
          problems={problems.map(([name, message]) => ({ key: name, message, targetId: name }))}
        />
      )}
      <TextField id="email" name="email" label="Email address" type="email" autoComplete="username" required spellCheck={false} error={fields.email} />
      <TextField id="password" name="password" label="Password" type="password" autoComplete="current-password" required error={fields.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
