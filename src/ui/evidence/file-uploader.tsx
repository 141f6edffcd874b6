"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

type Upload = { name: string; size: number; loaded: number; state: "waiting" | "uploading" | "done" | "failed"; message?: string };

// XMLHttpRequest, not fetch: it reports upload progress. One request per file, streamed by the server.
function send(url: string, file: File, onProgress: (loaded: number) => void): Promise<{ ok: boolean; message?: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let message: string | undefined;
      try {
        message = JSON.parse(xhr.responseText).error;
      } catch {
        message = undefined;
      }
      resolve(xhr.status >= 200 && xhr.status < 300 ? { ok: true } : { ok: false, message: message ?? `The upload failed (${xhr.status}).` });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The connection was lost during the upload. Try again." });
    xhr.send(file);
  });
}

export function FileUploader({ evidenceId, accept, maxBytes }: { evidenceId: string; accept: string; maxBytes: number }) {
  const router = useRouter();
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  async function start(files: File[]) {
    setBusy(true);
    const list: Upload[] = files.map((f) => ({ name: f.name, size: f.size, loaded: 0, state: "waiting" }));
    setUploads(list);
    const update = (i: number, change: Partial<Upload>) => setUploads((all) => all.map((u, j) => (j === i ? { ...u, ...change } : u)));
    let failed = 0;
    await Promise.all(
      files.map(async (file, i) => {
        if (file.size > maxBytes) {
          failed++;
          return update(i, { state: "failed", message: "The file is larger than the limit." });
        }
        update(i, { state: "uploading" });
        const result = await send(`/api/uploads/${evidenceId}`, file, (loaded) => update(i, { loaded }));
        if (!result.ok) failed++;
        update(i, result.ok ? { state: "done", loaded: file.size } : { state: "failed", message: result.message });
      }),
    );
    setBusy(false);
    setAnnouncement(failed ? `${files.length - failed} of ${files.length} files uploaded; ${failed} not accepted.` : `${files.length} file${files.length === 1 ? "" : "s"} uploaded.`);
    router.refresh();
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="uploader">
      <h3 id={`${inputId}-heading`}>Upload files</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem("files") as HTMLInputElement;
          if (input.files?.length) void start([...input.files]);
          e.currentTarget.reset();
        }}
      >
        <label htmlFor={inputId}>Choose one or more files</label>
        <p className="hint" id={`${inputId}-hint`}>
          PDF, office and OpenDocument files, plain text, and common image, audio and video formats, up to {Math.round(maxBytes / 1024 ** 2).toLocaleString("en-GB")} MB each.
        </p>
        <input id={inputId} name="files" type="file" multiple accept={accept} aria-describedby={`${inputId}-hint`} />
        <button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload"}
        </button>
      </form>
      {uploads.length > 0 && (
        <ul className="upload-list">
          {uploads.map((u, i) => {
            const percent = u.size ? Math.round((u.loaded / u.size) * 100) : 100;
            return (
              <li key={`${u.name}-${i}`}>
                <label htmlFor={`${inputId}-p${i}`}>{u.name}</label>{" "}
                <progress id={`${inputId}-p${i}`} max={100} value={u.state === "done" ? 100 : percent} aria-describedby={`${inputId}-s${i}`} />{" "}
                <span id={`${inputId}-s${i}`}>
                  {u.state === "waiting" && "Waiting"}
                  {u.state === "uploading" && `${percent}% uploaded`}
                  {u.state === "done" && "Uploaded"}
                  {u.state === "failed" && <strong className="error-text">Not uploaded: {u.message}</strong>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
