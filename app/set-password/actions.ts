"use server";
import { publicFormAction } from "@/server/edge/action";
import { requestIp } from "@/server/edge/request";
import { forgottenPassword, forgottenPasswordSchema, setPasswordSchema, setPasswordWithLink } from "@/server/auth/password-link-use";

// Public by design: the single-use, expiring token in the link is the credential (checked in
// setPasswordWithLink); asking for a reset link answers the same whoever asks.

export const setPasswordAction = publicFormAction({
  input: setPasswordSchema,
  run: async (_, input, form) => setPasswordWithLink(form.get("token"), input, await requestIp()),
  refresh: () => ["/", "layout"],
  next: () => "/sign-in?passwordSet=1",
});

export const forgottenPasswordAction = publicFormAction({
  input: forgottenPasswordSchema,
  run: async (_, input) => forgottenPassword(input, await requestIp()),
  next: () => "/forgot-password?sent=1",
});
