/** The largest server-action (form) body accepted: 2 MB, well above any form's bounded fields. */
export const actionBodyLimit = "2mb";
export const actionBodyLimitBytes = 2 * 1024 * 1024;
export const actionBodyTooLarge = "This form is too large to send. Shorten the longest text and try again.";
