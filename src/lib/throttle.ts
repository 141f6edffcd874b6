// Failed sign-ins are throttled per account: a few free tries, then a delay that doubles
// with each further failure, capped, so an account is never locked for good.
export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/** How long the account waits after its `failures`-th consecutive failure (0 while tries are free). */
export function lockoutDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

// One message for every failed sign-in (unknown account, wrong password, disabled, throttled), so the
// answer never tells someone whether an account exists or what state it is in.
export const WRONG_CREDENTIALS =
  "The email or password is not right, or this account cannot sign in just now. Check them and try again. After several failed tries an account waits up to 15 minutes; if it still does not work, ask your centre's administrator.";

// next-auth passes these codes instead of a message for its own failures.
const codes: Record<string, string> = {
  CredentialsSignin: WRONG_CREDENTIALS,
  SessionRequired: "Sign in to continue.",
};

/** The sign-in page shows only messages Attest wrote, so a crafted link cannot put its own words there. */
export const describeSignInError = (error: string) => codes[error] ?? (error === WRONG_CREDENTIALS ? error : "Signing in did not work. Try again.");
