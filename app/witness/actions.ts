"use server";
import { publicFormAction } from "@/server/edge/action";
import { requestIp } from "@/server/edge/request";
import { respondToWitnessRequest, witnessResponseSchema } from "@/server/portfolio/witness";

// Public: the single-use token in the link is the witness's only credential; it is checked in
// respondToWitnessRequest, which also refuses anyone signed in (the answer must be the witness's).
export const respondToWitnessAction = publicFormAction({
  input: witnessResponseSchema,
  run: async (viewer, input, form) => respondToWitnessRequest(viewer, form.get("token"), input, await requestIp()),
  next: (_, form) => `/witness/${form.get("token")}`,
});
