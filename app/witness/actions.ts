"use server";
import { headers } from "next/headers";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { currentActor } from "@/server/auth/current";
import { clientIp } from "@/server/client-ip";
import { respondToWitnessRequest } from "@/server/portfolio/witness";

// Public: the single-use token in the link is the witness's only credential; it is checked in
// respondToWitnessRequest, which also refuses anyone signed in (the answer must be the witness's).
export async function respondToWitnessAction(_: ActionState, form: FormData) {
  return runAction(async () => {
    const token = form.get("token");
    await respondToWitnessRequest(await currentActor(), token, formObject(form), clientIp(await headers()));
    return `/witness/${token}`;
  });
}
