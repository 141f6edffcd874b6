"use client";
import { useEffect, useRef, useState } from "react";

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;

/**
 * Files dropped anywhere on the page go to `onFiles` while the caller is mounted; `dragging` is
 * true while files are held over the page. Other drags (text, links) are left to the browser.
 */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the page is left when they balance.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) latest.current(files);
    };
    const events = { dragenter: enter, dragover: over, dragleave: leave, drop } as const;
    for (const [name, handler] of Object.entries(events)) window.addEventListener(name, handler as EventListener);
    return () => {
      for (const [name, handler] of Object.entries(events)) window.removeEventListener(name, handler as EventListener);
    };
  }, []);
  return dragging;
}
