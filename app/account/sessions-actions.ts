"use server";
import { formAction } from "@/server/edge/action";
import { requestIp } from "@/server/edge/request";
import { signOutMyselfEverywhere } from "@/server/auth/sign-out-everywhere";

// Ends every session of the caller, this one included; the whole tree renders again, signed out.
export const signOutMyselfEverywhereAction = formAction({
  run: async (actor) => signOutMyselfEverywhere(actor, await requestIp()),
  refresh: () => ["/", "layout"],
  next: () => "/sign-in?signedOutEverywhere=1",
});
