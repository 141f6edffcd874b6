// What Attest accepts as evidence files, decided from the bytes; the extension must agree.

export type Accepted = { ok: true; mediaType: string; preview: "image" | "pdf" | "audio" | "video" | null };
export type Refused = { ok: false; reason: string };

type Kind = { mediaType: string; extensions: [string, ...string[]]; preview: Accepted["preview"] };
const refuse = (reason: string): Refused => ({ ok: false, reason });
const k = (mediaType: string, extensions: [string, ...string[]], preview: Accepted["preview"] = null): Kind => ({ mediaType, extensions, preview });

export const kinds = {
  pdf: k("application/pdf", ["pdf"], "pdf"),
  png: k("image/png", ["png"], "image"),
  jpeg: k("image/jpeg", ["jpg", "jpeg"], "image"),
  gif: k("image/gif", ["gif"], "image"),
  webp: k("image/webp", ["webp"], "image"),
  tiff: k("image/tiff", ["tif", "tiff"]),
  mp3: k("audio/mpeg", ["mp3"], "audio"),
  wav: k("audio/wav", ["wav"], "audio"),
  ogg: k("audio/ogg", ["ogg", "oga", "opus"], "audio"),
  flac: k("audio/flac", ["flac"], "audio"),
  m4a: k("audio/mp4", ["m4a"], "audio"),
  mp4: k("video/mp4", ["mp4", "m4v"], "video"),
  mov: k("video/quicktime", ["mov"]),
  webm: k("video/webm", ["webm"], "video"),
  docx: k("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx"]),
  xlsx: k("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx"]),
  pptx: k("application/vnd.openxmlformats-officedocument.presentationml.presentation", ["pptx"]),
  odt: k("application/vnd.oasis.opendocument.text", ["odt"]),
  ods: k("application/vnd.oasis.opendocument.spreadsheet", ["ods"]),
  odp: k("application/vnd.oasis.opendocument.presentation", ["odp"]),
  doc: k("application/msword", ["doc"]),
  xls: k("application/vnd.ms-excel", ["xls"]),
  ppt: k("application/vnd.ms-powerpoint", ["ppt"]),
  rtf: k("application/rtf", ["rtf"]),
  text: k("text/plain", ["txt", "text", "md", "log"]),
  csv: k("text/csv", ["csv"]),
} satisfies Record<string, Kind>;

const acceptedExtensions = new Set(Object.values(kinds).flatMap((x) => x.extensions));
export const acceptAttribute = [...acceptedExtensions].map((e) => `.${e}`).join(",");

const notOnTheList = "Use PDF, an office or OpenDocument file, plain text, or a common image, audio or video format.";

/**
 * The refusal a file's name alone settles, so a browser can say so before sending it; null when
 * the name is on the list. The bytes still decide on the server.
 */
export function refusalByName(fileName: string): Refused | null {
  const ext = extensionOf(fileName);
  if (acceptedExtensions.has(ext)) return null;
  if (!ext) return refuse(`The file name has no extension, such as .pdf or .docx, to say what it is. ${notOnTheList}`);
  if (ext === "svg") return refuse("SVG images are not accepted; export the image as PNG.");
  if (["zip", "7z", "rar", "tar", "gz", "tgz"].includes(ext))
    return refuse("ZIP archives and other packages are not accepted; upload the documents inside them one by one.");
  if (["exe", "msi", "dll", "com", "bat", "cmd", "sh", "ps1", "app", "dmg", "jar", "js", "vbs"].includes(ext))
    return refuse("Programs and scripts are not accepted as evidence.");
  if (["htm", "html", "mht", "mhtml"].includes(ext)) return refuse("Web pages (HTML) are not accepted; print the page to PDF instead.");
  return refuse(`Files ending .${ext} are not accepted. ${notOnTheList}`);
}

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

export type FileFacts = {
  fileName: string;
  size: number;
  head: Uint8Array; // the first HEAD_BYTES
  zipEntries?: string[]; // names in a ZIP's central directory, when it is one
  zipMimetype?: string; // content of an OpenDocument's "mimetype" entry
};

export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
}

/** The first bytes a classification needs; a file's head is this long, or the whole file when shorter. */
export const HEAD_BYTES = 8192;

/**
 * The refusal that the first HEAD_BYTES already settle, so an upload can stop before the rest of
 * its body arrives; null when the head is acceptable so far. A ZIP waits for the full check, as its
 * directory is at the end. Same verdict as classify() on the whole file for everything else.
 */
export function refusalFromHead(fileName: string, head: Uint8Array): Refused | null {
  if (head.length === 0 || starts(head, [0x50, 0x4b, 0x03, 0x04])) return null;
  const verdict = classify({ fileName, size: head.length, head });
  return verdict.ok ? null : verdict;
}

/** Decides what a file is from its bytes, and refuses what is not on the list or not what its name says. */
export function classify(f: FileFacts): Accepted | Refused {
  if (f.size === 0) return refuse("The file is empty.");
  const ext = extensionOf(f.fileName);
  const detected = detect(f);
  if ("reason" in detected) return detected;
  if (!detected.extensions.includes(ext)) {
    return refuse(
      ext
        ? `The file is named .${ext} but its content is ${describeKind(detected)}. Rename it or export it again.`
        : `The file name has no extension; its content is ${describeKind(detected)}, so name it .${detected.extensions[0]}.`,
    );
  }
  return { ok: true, mediaType: detected.mediaType, preview: detected.preview };
}

const describeKind = (kind: Kind) => `a ${kind.extensions[0].toUpperCase()} file`;

function detect(f: FileFacts): Kind | Refused {
  const b = f.head;
  if (starts(b, [0x4d, 0x5a])) return refuse("Programs (Windows executables) are not accepted as evidence.");
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46])) return refuse("Programs (Linux executables) are not accepted as evidence.");
  if (
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xcf, 0xfa, 0xed, 0xfe],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((s) => starts(b, s))
  )
    return refuse("Programs (macOS executables or Java classes) are not accepted as evidence.");
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return kinds.pdf;
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return kinds.png;
  if (starts(b, [0xff, 0xd8, 0xff])) return kinds.jpeg;
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return kinds.gif;
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return kinds.webp;
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE") return kinds.wav;
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return kinds.tiff;
  if (ascii(b, 0, 4) === "OggS") return kinds.ogg;
  if (ascii(b, 0, 4) === "fLaC") return kinds.flac;
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0)) return kinds.mp3;
  if (ascii(b, 4, 8) === "ftyp") {
    const brand = ascii(b, 8, 12);
    if (brand.startsWith("M4A") || brand.startsWith("M4B")) return kinds.m4a;
    if (brand === "qt  ") return kinds.mov;
    return kinds.mp4;
  }
  if (starts(b, [0x1a, 0x45, 0xdf, 0xa3])) return kinds.webm;
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const ext = extensionOf(f.fileName);
    return ext === "xls" ? kinds.xls : ext === "ppt" ? kinds.ppt : kinds.doc;
  }
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return detectZip(f);
  if (ascii(b, 0, 5) === "{\\rtf") return kinds.rtf;
  return detectText(f);
}

function detectZip(f: FileFacts): Kind | Refused {
  const names = f.zipEntries ?? [];
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return refuse("Office files with macros are not accepted; save it as a document without macros.");
  if (names.includes("[Content_Types].xml")) {
    if (names.some((n) => n.startsWith("word/"))) return kinds.docx;
    if (names.some((n) => n.startsWith("xl/"))) return kinds.xlsx;
    if (names.some((n) => n.startsWith("ppt/"))) return kinds.pptx;
  }
  const odf: Record<string, Kind> = {
    "application/vnd.oasis.opendocument.text": kinds.odt,
    "application/vnd.oasis.opendocument.spreadsheet": kinds.ods,
    "application/vnd.oasis.opendocument.presentation": kinds.odp,
  };
  const document = f.zipMimetype ? odf[f.zipMimetype] : undefined;
  if (document) return document;
  return refuse("ZIP archives and other packages are not accepted; upload the documents inside them one by one.");
}

function detectText(f: FileFacts): Kind | Refused {
  const b = f.head;
  if (b.includes(0))
    return refuse("This kind of file is not accepted. Use PDF, an office or OpenDocument file, plain text, or a common image, audio or video format.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b.length >= HEAD_BYTES ? trimPartialUtf8(b) : b);
  } catch {
    return refuse("This kind of file is not accepted. Use PDF, an office or OpenDocument file, plain text, or a common image, audio or video format.");
  }
  const start = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  if (start.startsWith("#!")) return refuse("Scripts are not accepted as evidence.");
  // SVG is an active document (scripts, links, external loads can sit anywhere in it), so it is refused whole.
  if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.includes("<svg")) || extensionOf(f.fileName) === "svg")
    return refuse("SVG images are not accepted; export the image as PNG.");
  if (/^<!doctype html|^<html|^<head|^<body|^<script|<script[\s>]|<iframe[\s>]|<html[\s>]/.test(start))
    return refuse("Web pages (HTML) are not accepted; print the page to PDF instead.");
  return extensionOf(f.fileName) === "csv" ? kinds.csv : kinds.text;
}

// The head may end inside a multi-byte character; drop up to 3 trailing bytes of it.
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if (byte === undefined) break;
    if ((byte & 0xc0) === 0xc0) return b.subarray(0, end - i);
    if ((byte & 0x80) === 0) break;
  }
  return b.subarray(0, end);
}
