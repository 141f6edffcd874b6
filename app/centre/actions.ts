"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { setAccountActive, signOutEverywhere } from "@/server/centre/accounts";

// Thin wrappers for a centre admin's account actions on the home page; src/server/centre checks the policy.

export async function signOutEverywhereAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    await signOutEverywhere(actor, formObject(form));
    revalidatePath("/");
  });
}

export async function setAccountActiveAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    await setAccountActive(actor, formObject(form));
    revalidatePath("/");
  });
}
