"use server";
import { revalidatePath } from "next/cache";
import { type ActionState, runAction } from "@/server/actions";
import { currentActor } from "@/server/auth/current";
import { db } from "@/server/db/client";
import { markNotificationsRead } from "@/server/portfolio/notifications";

export async function markNotificationsReadAction(_: ActionState, _form: FormData) {
  return runAction(async () => {
    await markNotificationsRead(db(), await currentActor());
    revalidatePath("/", "layout");
  });
}
