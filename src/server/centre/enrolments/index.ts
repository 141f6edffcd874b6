// A centre admin's enrolments (decision 0032): enrol, assign with history, withdraw, certificate, move version.
export { type EnrolSpec, enrolInTx, enrolInput, enrolLearner, existingEnrolmentOnCode } from "./enrol";
export { assignEnrolment, assignEnrolmentInTx, assignInTx, assignInput } from "./assign";
export { withdrawEnrolment, withdrawInput } from "./withdraw";
export { certificateInput, markCertificated } from "./certificate";
export { changeUnitVersion, changeVersionInput } from "./change-version";
export { enrolmentDetail, enrolmentFormOptions, listEnrolments } from "./queries";
