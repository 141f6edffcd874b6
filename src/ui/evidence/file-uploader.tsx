"use client";
import { useId } from "react";
import { formatBytes } from "@/lib/format";
import { Button, FileField, cn } from "@/ui/kit";
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
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Upload files</h3>
      <FileField
        id={id}
        label="Choose one or more files"
        hint={`Or drop them anywhere on this page. PDF, office and OpenDocument files, plain text, and common image, audio and video formats, up to ${formatBytes(maxBytes)} each. Each file starts uploading as soon as it is added.`}
        multiple
        accept={accept}
        onChange={(e) => {
          if (e.currentTarget.files?.length) add([...e.currentTarget.files]);
          e.currentTarget.value = "";
        }}
      />
      {items.length > 0 && (
        <>
          <ul className="list-none p-0" aria-label="Upload queue">
            {items.map((item) => {
              const percent = item.file.size ? Math.min(100, Math.round((item.loaded / item.file.size) * 100)) : 100;
              const problem = item.state === "refused" || item.state === "failed";
              return (
                <li
                  key={item.id}
                  className={cn(
                    "grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 border-t border-line py-2",
                    problem && "border-l-4 border-l-danger pl-2",
                  )}
                >
                  <p className="col-start-1 m-0 min-w-0">
                    <label htmlFor={`${id}-p${item.id}`} className="m-0 inline font-semibold wrap-anywhere">
                      {item.file.name}
                    </label>{" "}
                    <span className="text-muted">({formatBytes(item.file.size)})</span>
                  </p>
                  <p className="col-span-full m-0 flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
                    <progress
                      id={`${id}-p${item.id}`}
                      className="min-w-32 flex-[0_1_16rem]"
                      max={100}
                      value={item.state === "uploaded" ? 100 : item.state === "uploading" ? percent : 0}
                      aria-describedby={`${id}-s${item.id}`}
                    />
                    <span id={`${id}-s${item.id}`} className={cn("flex-[1_1_12rem] wrap-anywhere", problem && "text-danger")}>
                      {problem ? <strong>{stateText(item, percent)}</strong> : stateText(item, percent)}
                    </span>
                  </p>
                  {(item.state === "waiting" || item.state === "uploading") && (
                    <Button variant="secondary" size="sm" className="col-start-2 row-start-1" onClick={() => cancel(item.id)}>
                      Cancel<span className="sr-only"> {item.file.name}</span>
                    </Button>
                  )}
                  {(item.state === "failed" || item.state === "cancelled") && (
                    <Button variant="secondary" size="sm" className="col-start-2 row-start-1" onClick={() => retry(item.id)}>
                      Retry<span className="sr-only"> {item.file.name}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {finished && (
            <Button variant="secondary" size="sm" onClick={clearFinished}>
              Clear finished uploads
            </Button>
          )}
        </>
      )}
      <div role="log" aria-live="polite" className="sr-only">
        {announcements.map((a) => (
          <p key={a.id}>{a.text}</p>
        ))}
      </div>
      {/* Over the whole page, so a drop over a preview frame still lands in this document. */}
      {dragging && (
        <div
          className="fixed inset-0 z-20 flex items-center justify-center bg-brand/90 p-4 outline-4 outline-offset-[-1rem] outline-brand-ink outline-dashed"
          aria-hidden="true"
        >
          <p className="rounded-md border-2 border-brand-ink bg-brand px-6 py-4 text-center text-2xl font-semibold text-brand-ink">
            Drop files to add them to this item
          </p>
        </div>
      )}
    </section>
  );
}
