"use server";
import { clientIp } from "@/server/client-ip";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { type ActionState, formObject, runAction } from "@/server/actions";
import { changePassword } from "@/server/auth/change-password";

// The change ends every session, this one included: the person signs in again with the new password.
export async function changePasswordAction(_: ActionState, form: FormData) {
  return runAction(async (actor) => {
    const ip = clientIp(await headers());
    await changePassword(actor, formObject(form), ip);
    // The whole tree, layout included, so the header no longer shows the ended session.
    revalidatePath("/", "layout");
    return "/sign-in?passwordChanged=1";
  });
}
