"use client";
import { useId } from "react";
import { formatBytes } from "@/lib/format";
import { useFileDrop } from "./use-file-drop";
import { type Queued, useUploadQueue } from "./use-upload-queue";

function stateText(item: Queued, percent: number): string {
  switch (item.state) {
    case "waiting":
      return "Waiting";
    case "uploading":
      return `Uploading ${percent}%`;
    case "uploaded":
      return "Uploaded";
    case "cancelled":
      return "Cancelled";
    case "refused":
      return `Refused: ${item.reason ?? ""}`;
    case "failed":
      return `Failed: ${item.reason ?? ""}`;
  }
}

/** Adds files to an evidence item: chosen with the picker or dropped anywhere on the page, then queued. */
export function FileUploader({ evidenceId, accept, maxBytes }: { evidenceId: string; accept: string; maxBytes: number }) {
  const id = useId();
  const { items, announcements, add, cancel, retry, clearFinished } = useUploadQueue(evidenceId, maxBytes);
  const dragging = useFileDrop(add);
  const finished = items.some((i) => i.state !== "waiting" && i.state !== "uploading");

  return (
    <section aria-labelledby={`${id}-heading`} className="uploader">
      <h3 id={`${id}-heading`}>Upload files</h3>
      <label htmlFor={id}>Choose one or more files</label>
      <p className="hint" id={`${id}-hint`}>
        Or drop them anywhere on this page. PDF, office and OpenDocument files, plain text, and common image, audio and video formats, up to {formatBytes(maxBytes)} each. Each file starts uploading as soon as it is added.
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={accept}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          if (e.currentTarget.files?.length) add([...e.currentTarget.files]);
          e.currentTarget.value = "";
        }}
      />
      {items.length > 0 && (
        <>
          <ul className="upload-list" aria-label="Upload queue">
            {items.map((item) => {
              const percent = item.file.size ? Math.min(100, Math.round((item.loaded / item.file.size) * 100)) : 100;
              const problem = item.state === "refused" || item.state === "failed";
              return (
                <li key={item.id} className={problem ? "upload-item upload-problem" : "upload-item"}>
                  <p className="upload-head">
                    <label htmlFor={`${id}-p${item.id}`} className="upload-name">
                      {item.file.name}
                    </label>{" "}
                    <span className="muted">({formatBytes(item.file.size)})</span>
                  </p>
                  <p className="upload-body">
                    <progress id={`${id}-p${item.id}`} max={100} value={item.state === "uploaded" ? 100 : item.state === "uploading" ? percent : 0} aria-describedby={`${id}-s${item.id}`} />
                    <span id={`${id}-s${item.id}`} className={problem ? "upload-state error-text" : "upload-state"}>
                      {problem ? <strong>{stateText(item, percent)}</strong> : stateText(item, percent)}
                    </span>
                  </p>
                  {(item.state === "waiting" || item.state === "uploading") && (
                    <button type="button" className="secondary upload-action" onClick={() => cancel(item.id)}>
                      Cancel<span className="visually-hidden"> {item.file.name}</span>
                    </button>
                  )}
                  {(item.state === "failed" || item.state === "cancelled") && (
                    <button type="button" className="secondary upload-action" onClick={() => retry(item.id)}>
                      Retry<span className="visually-hidden"> {item.file.name}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {finished && (
            <button type="button" className="secondary upload-action" onClick={clearFinished}>
              Clear finished uploads
            </button>
          )}
        </>
      )}
      <div role="log" aria-live="polite" className="visually-hidden">
        {announcements.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
      {/* Over the whole page, so a drop over a preview frame still lands in this document. */}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files to add them to this item</p>
        </div>
      )}
    </section>
  );
}
