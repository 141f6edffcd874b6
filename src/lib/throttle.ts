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

export function throttledMessage(lockedUntil: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins for this account. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}

export const WRONG_CREDENTIALS = "The email or password is not right. Check them and try again.";
export const INACTIVE_ACCOUNT = "This account has been disabled. Ask your centre's administrator.";

// next-auth passes these codes instead of a message for its own failures.
const codes: Record<string, string> = {
  CredentialsSignin: WRONG_CREDENTIALS,
  SessionRequired: "Sign in to continue.",
};
const ours = (error: string) => error === WRONG_CREDENTIALS || error === INACTIVE_ACCOUNT || /^Too many failed sign-ins for this account\. Wait \d+ minutes? and try again\.$/.test(error);

/** The sign-in page shows only messages Attest wrote, so a crafted link cannot put its own words there. */
export const describeSignInError = (error: string) => codes[error] ?? (ours(error) ? error : "Signing in did not work. Try again.");
