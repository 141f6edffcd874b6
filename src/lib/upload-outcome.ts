// What the uploader tells a person about one file: refused (sending it again will not help) or
// failed (it may work on a retry). The server decides; the browser checks name and size first.
import { refusalByName } from "./file-types";
import { formatBytes } from "./format";

export type Outcome = { state: "uploaded" } | { state: "refused" | "failed"; reason: string };

/** The reason a file will be refused, known before sending it; null when only the server can tell. */
export function refusalBeforeUpload(file: { name: string; size: number }, maxBytes: number): string | null {
  const byName = refusalByName(file.name);
  if (byName) return byName.reason;
  if (file.size === 0) return "The file is empty.";
  if (file.size > maxBytes) return `The file is larger than the limit of ${formatBytes(maxBytes)}.`;
  return null;
}

/** Reads the upload route's answer: its status and JSON `error`. */
export function outcomeOfResponse(fileName: string, status: number, error: string | undefined): Outcome {
  if (status >= 200 && status < 300) return { state: "uploaded" };
  if (status === 401) return { state: "failed", reason: "You are signed out. Sign in again in another tab, then retry." };
  if (status === 404)
    return { state: "refused", reason: "This item can no longer take files: it may have been submitted, withdrawn or deleted. Reload the page." };
  if ((status === 413 || status === 422) && error) return { state: "refused", reason: withoutFileName(fileName, error) };
  if (status === 413) return { state: "refused", reason: "The file is larger than the limit." };
  if (status === 409 && error) return { state: "failed", reason: error };
  if (status === 409 || status >= 500 || !error) return { state: "failed", reason: `The server could not store the file (error ${status}). Try again.` };
  return { state: "refused", reason: error };
}

// The server's refusals name the file ("a.pdf was not accepted: …"); beside the file that is said already.
function withoutFileName(fileName: string, error: string): string {
  const prefix = " was not accepted: ";
  const at = error.indexOf(prefix);
  return at >= 0 && fileName.endsWith(error.slice(0, at)) ? error.slice(at + prefix.length) : error;
}
