"use server";
import { accountActiveInput, accountTarget, setAccountActive, signOutEverywhere } from "@/server/centre/accounts";
import { formAction } from "@/server/edge/action";

// A centre admin's account actions on the home page; src/server/centre checks the policy.

export const signOutEverywhereAction = formAction({ input: accountTarget, run: (actor, input) => signOutEverywhere(actor, input), refresh: () => "/" });

export const setAccountActiveAction = formAction({ input: accountActiveInput, run: (actor, input) => setAccountActive(actor, input), refresh: () => "/" });
