"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, runAction } from "@/server/actions";
import { checkIntegrityNow } from "@/server/audit/status";
import { currentActor } from "@/server/auth/current";
import { db } from "@/server/db/client";

export async function checkIntegrityAction(_: ActionState, _form: FormData) {
  return runAction(async () => {
    await checkIntegrityNow(db(), await currentActor());
    revalidatePath("/integrity");
  });
}
