const inlineTypes = /^(image\/(png|jpeg|gif|webp)|application\/pdf|audio\/(mpeg|wav|ogg|flac|mp4)|video\/(mp4|webm))$/;

/** Only these are ever shown in the page; everything else (SVG included) downloads. */
export const inlineAllowed = (mediaType: string) => inlineTypes.test(mediaType);

/** A Content-Disposition header that survives any file name (RFC 6266 / 5987). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** One byte range of a file of `size` bytes; null when none asked for; "invalid" when unsatisfiable. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}
