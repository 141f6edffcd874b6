import { type Outcome, outcomeOfResponse } from "@/lib/upload-outcome";

export type Sending = { done: Promise<Outcome | { state: "cancelled" }>; cancel: () => void };

// XMLHttpRequest, not fetch: it reports upload progress. One request per file, streamed by the
// server; cancelling aborts the request, and the server discards the part it received.
export function sendFile(url: string, file: File, onProgress: (loaded: number) => void): Sending {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Outcome | { state: "cancelled" }>((resolve) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => resolve(outcomeOfResponse(file.name, xhr.status, errorIn(xhr.responseText)));
    xhr.onerror = () => resolve({ state: "failed", reason: "The connection was lost during the upload. Try again." });
    xhr.onabort = () => resolve({ state: "cancelled" });
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

function errorIn(body: string): string | undefined {
  try {
    const { error } = JSON.parse(body) as { error?: unknown };
    return typeof error === "string" ? error : undefined;
  } catch {
    return undefined;
  }
}
