"use server";
import { changePassword, changePasswordSchema } from "@/server/auth/change-password";
import { formAction } from "@/server/edge/action";
import { requestIp } from "@/server/edge/request";

// The change ends every session, this one included: the person signs in again with the new password.
// The whole tree is rendered again, layout included, so the header no longer shows the ended session.
export const changePasswordAction = formAction({
  input: changePasswordSchema,
  run: async (actor, input) => changePassword(actor, input, await requestIp()),
  refresh: () => ["/", "layout"],
  next: () => "/sign-in?passwordChanged=1",
});
