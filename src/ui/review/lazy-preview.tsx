"use client";
import { useState } from "react";

const preview = "mt-2 mb-4 block max-h-96 max-w-full border border-line";

type Props = { fileId: string; fileName: string; mediaType: string; label: string; startAt?: number };

/**
 * A file's preview that costs nothing until it is opened: the image, PDF or player is made only
 * when the assessor opens it, so a review screen of many files loads none of them. Without
 * JavaScript, opening it offers the file in a new tab instead.
 */
export function LazyPreview({ fileId, fileName, mediaType, label, startAt }: Props) {
  const [opened, setOpened] = useState(false);
  const href = `/api/files/${fileId}?inline=1`;
  const src = startAt === undefined ? href : `${href}#t=${startAt}`;
  let media: React.ReactNode = null;
  if (mediaType.startsWith("image/")) media = <img src={src} alt={`Preview of ${fileName}`} className={preview} />;
  else if (mediaType === "application/pdf") media = <iframe src={src} title={`Preview of ${fileName}`} className={`${preview} h-[28rem] w-full`} />;
  else if (mediaType.startsWith("audio/")) media = <audio controls src={src} aria-label={label} className="max-w-full" />;
  else if (mediaType.startsWith("video/")) media = <video controls src={src} aria-label={label} className={preview} />;
  return (
    <details className="[&>summary]:wrap-anywhere" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{label}</summary>
      {opened ? (
        media
      ) : (
        <p>
          <a href={src} target="_blank" rel="noopener">
            Open {fileName} in a new tab
          </a>
        </p>
      )}
    </details>
  );
}
