"use server";
import { createApiToken, createTokenInput, revokeApiToken, revokeTokenInput } from "@/server/api/tokens";
import { formAction } from "@/server/edge/action";

// A centre admin's API tokens; src/server/api/tokens checks the policy. The new token goes back to
// the form once (reply), never into a URL or the page's cache.
export const createApiTokenAction = formAction({
  input: createTokenInput,
  run: (actor, input) => createApiToken(actor, input),
  refresh: () => "/centre/api-tokens",
  reply: (made) => ({ token: made.token, name: made.name }),
});

export const revokeApiTokenAction = formAction({
  input: revokeTokenInput,
  run: (actor, input) => revokeApiToken(actor, input),
  refresh: () => "/centre/api-tokens",
});
