"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, runAction } from "@/server/actions";
import { checkIntegrityNow } from "@/server/audit/status";

export async function checkIntegrityAction(_: ActionState, _form: FormData) {
  return runAction(async (actor) => {
    await checkIntegrityNow(actor);
    revalidatePath("/integrity");
  });
}
