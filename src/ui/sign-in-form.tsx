"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { describeSignInError as describe } from "@/lib/throttle";

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
      ...(!email ? { email: "Enter your email address" } : !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { email: "Enter an email address, like name@example.com" } : {}),
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
        <div className="alert" role="alert" id="sign-in-error" tabIndex={-1} ref={errorRef}>
          <p>
            <strong>There is a problem</strong>
            {error && <>: {error}</>}
          </p>
          {problems.length > 0 && (
            <ul className="problem-list">
              {problems.map(([name, message]) => (
                <li key={name}>
                  <a href={`#${name}`} onClick={(e) => (e.preventDefault(), document.getElementById(name)?.focus())}>
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email address</label>
        {fields.email && (
          <p className="field-error" id="email-error">
            <span className="visually-hidden">Error: </span>
            {fields.email}
          </p>
        )}
        <input id="email" name="email" type="email" autoComplete="username" required spellCheck={false} aria-invalid={fields.email ? true : undefined} aria-describedby={fields.email ? "email-error" : undefined} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        {fields.password && (
          <p className="field-error" id="password-error">
            <span className="visually-hidden">Error: </span>
            {fields.password}
          </p>
        )}
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={fields.password ? true : undefined} aria-describedby={fields.password ? "password-error" : undefined} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
