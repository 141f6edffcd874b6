"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { refusalBeforeUpload } from "@/lib/upload-outcome";
import { type Sending, sendFile } from "./send-file";

export type QueuedState = "waiting" | "uploading" | "uploaded" | "refused" | "cancelled" | "failed";
export type Queued = { id: number; file: File; loaded: number; state: QueuedState; reason?: string };

/** Files sent at once; the rest wait their turn. */
const AT_ONCE = 2;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the screen reader hears when the queue empties: how the files added since last time ended. */
function summary(items: Queued[]): string {
  const count = (state: QueuedState) => items.filter((i) => i.state === state).length;
  const rest = (["refused", "failed", "cancelled"] as const).filter((s) => count(s) > 0).map((s) => `${count(s)} ${s}`);
  return `${plural(count("uploaded"), "file")} uploaded${rest.length ? `; ${rest.join("; ")}` : ""}.`;
}

/**
 * A queue of files for one evidence item: each is checked by name and size, then sent, a few at a
 * time; each can be cancelled, and a cancelled or failed one retried. `announcements` is for a
 * live region; the page's own file list is refreshed after each file is stored.
 */
export function useUploadQueue(evidenceId: string, maxBytes: number) {
  const router = useRouter();
  const [items, setItems] = useState<Queued[]>([]);
  const [announcements, setAnnouncements] = useState<{ id: number; text: string }[]>([]);
  const sending = useRef(new Map<number, Sending>());
  const batch = useRef(new Set<number>());
  const nextId = useRef(1);

  // Kept as a short log, each message its own node, so a screen reader reads each one once.
  const announce = useCallback((text: string) => setAnnouncements((all) => [...all.slice(-4), { id: nextId.current++, text }]), []);
  const update = useCallback((id: number, change: Partial<Queued>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...change } : i))), []);

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file): Queued => {
        const reason = refusalBeforeUpload(file, maxBytes) ?? undefined;
        return { id: nextId.current++, file, loaded: 0, state: reason ? "refused" : "waiting", reason };
      });
      for (const item of added) batch.current.add(item.id);
      setItems((all) => [...all, ...added]);
      announce(`${plural(added.length, "file")} added to the upload queue.`);
      for (const item of added) if (item.reason) announce(`${item.file.name} refused: ${item.reason}`);
    },
    [maxBytes, announce],
  );

  const cancel = useCallback(
    (id: number) => {
      const inFlight = sending.current.get(id);
      if (inFlight) inFlight.cancel();
      else update(id, { state: "cancelled" });
    },
    [update],
  );

  const retry = useCallback(
    (id: number) => {
      batch.current.add(id);
      update(id, { state: "waiting", loaded: 0, reason: undefined });
    },
    [update],
  );

  const clearFinished = useCallback(() => setItems((all) => all.filter((i) => i.state === "waiting" || i.state === "uploading")), []);

  useEffect(() => {
    const free = AT_ONCE - sending.current.size;
    const next = items.filter((i) => i.state === "waiting" && !sending.current.has(i.id)).slice(0, Math.max(0, free));
    for (const item of next) {
      const upload = sendFile(`/api/uploads/${encodeURIComponent(evidenceId)}`, item.file, (loaded) => update(item.id, { loaded }));
      sending.current.set(item.id, upload);
      update(item.id, { state: "uploading", loaded: 0 });
      void upload.done.then((outcome) => {
        sending.current.delete(item.id);
        const reason = "reason" in outcome ? outcome.reason : undefined;
        update(item.id, { state: outcome.state, reason, ...(outcome.state === "uploaded" ? { loaded: item.file.size } : {}) });
        if (outcome.state === "uploaded") router.refresh();
        else announce(`${item.file.name} ${outcome.state}${reason ? `: ${reason}` : "."}`);
      });
    }
    const busy = items.some((i) => i.state === "waiting" || i.state === "uploading");
    if (!busy && batch.current.size) {
      announce(summary(items.filter((i) => batch.current.has(i.id))));
      batch.current.clear();
    }
  }, [items, evidenceId, update, announce, router]);

  // Leaving the page stops its uploads; the browser asks first while any is under way.
  const busy = items.some((i) => i.state === "waiting" || i.state === "uploading");
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);
  useEffect(() => {
    const inFlight = sending.current;
    return () => {
      for (const upload of inFlight.values()) upload.cancel();
    };
  }, []);

  return { items, announcements, add, cancel, retry, clearFinished };
}
