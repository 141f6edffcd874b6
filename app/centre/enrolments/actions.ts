"use server";
import {
  assignEnrolment,
  assignInput,
  certificateInput,
  changeUnitVersion,
  changeVersionInput,
  enrolInput,
  enrolLearner,
  markCertificated,
  withdrawEnrolment,
  withdrawInput,
} from "@/server/centre/enrolments";
import { formAction } from "@/server/edge/action";

// A centre admin's enrolment actions; src/server/centre/enrolments checks the policy.
const page = (form: FormData) => `/centre/enrolments/${form.get("enrolmentId")}`;

export const enrolLearnerAction = formAction({
  input: enrolInput,
  run: (actor, input) => enrolLearner(actor, input),
  next: (r) => `/centre/enrolments/${r.id}?enrolled=1`,
});

export const assignEnrolmentAction = formAction({ input: assignInput, run: (actor, input) => assignEnrolment(actor, input), refresh: page });

export const withdrawEnrolmentAction = formAction({ input: withdrawInput, run: (actor, input) => withdrawEnrolment(actor, input), refresh: page });

export const markCertificatedAction = formAction({ input: certificateInput, run: (actor, input) => markCertificated(actor, input), refresh: page });

export const changeUnitVersionAction = formAction({ input: changeVersionInput, run: (actor, input) => changeUnitVersion(actor, input), refresh: page });
