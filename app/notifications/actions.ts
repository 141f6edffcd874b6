"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, runAction } from "@/server/actions";
import { markNotificationsRead } from "@/server/portfolio/notifications";

export async function markNotificationsReadAction(_: ActionState, _form: FormData) {
  return runAction(async (actor) => {
    await markNotificationsRead(actor);
    revalidatePath("/", "layout");
  });
}
