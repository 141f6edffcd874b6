"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { currentActor } from "@/server/auth/current";
import { setAccountActive, signOutEverywhere } from "@/server/centre/accounts";
import { db } from "@/server/db/client";

// Thin wrappers for a centre admin's account actions on the home page; src/server/centre checks the policy.

export async function signOutEverywhereAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    await signOutEverywhere(db(), await currentActor(), formObject(form));
    revalidatePath("/");
  });
}

export async function setAccountActiveAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    await setAccountActive(db(), await currentActor(), formObject(form));
    revalidatePath("/");
  });
}
