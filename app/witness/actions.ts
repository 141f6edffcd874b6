"use server";
import { headers } from "next/headers";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { db } from "@/server/db/client";
import { respondToWitnessRequest } from "@/server/portfolio/witness";

// Public: the single-use token in the link is the witness's only credential; it is checked in respondToWitnessRequest.
export async function respondToWitnessAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    const token = form.get("token");
    await respondToWitnessRequest(db(), token, formObject(form), ip);
    return `/witness/${token}`;
  });
}
