import { open } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { type Accepted, type FileFacts, HEAD_BYTES as HEAD, type Refused, classify } from "@/lib/file-types";

const TAIL = 65_536 + 22;

/** Reads what classify() needs from a stored file: its head and, for a ZIP, its directory. */
export async function inspectFile(filePath: string, fileName: string, size: number): Promise<Accepted | Refused> {
  const handle = await open(filePath, "r");
  try {
    const head = Buffer.alloc(Math.min(HEAD, size));
    await handle.read(head, 0, head.length, 0);
    const facts: FileFacts = { fileName, size, head };
    if (size >= 22 && head.readUInt32LE(0) === 0x04034b50) Object.assign(facts, await readZipDirectory(handle, size));
    return classify(facts);
  } finally {
    await handle.close();
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

async function readZipDirectory(handle: Handle, size: number): Promise<Pick<FileFacts, "zipEntries" | "zipMimetype">> {
  const tailStart = Math.max(0, size - TAIL);
  const tail = Buffer.alloc(size - tailStart);
  await handle.read(tail, 0, tail.length, tailStart);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return { zipEntries: [] };
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > size || dirSize > 16 * 1024 * 1024) return { zipEntries: [] };
  const dir = Buffer.alloc(dirSize);
  await handle.read(dir, 0, dirSize, dirOffset);
  const entries: { name: string; method: number; compressed: number; localOffset: number }[] = [];
  for (let p = 0, i = 0; i < count && p + 46 <= dir.length && dir.readUInt32LE(p) === 0x02014b50; i++) {
    const nameLength = dir.readUInt16LE(p + 28);
    const extra = dir.readUInt16LE(p + 30);
    const comment = dir.readUInt16LE(p + 32);
    entries.push({
      name: dir.toString("utf8", p + 46, p + 46 + nameLength),
      method: dir.readUInt16LE(p + 10),
      compressed: dir.readUInt32LE(p + 20),
      localOffset: dir.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extra + comment;
  }
  const mimetype = entries.find((e) => e.name === "mimetype" && e.compressed < 256);
  let zipMimetype: string | undefined;
  if (mimetype) {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, mimetype.localOffset);
    const start = mimetype.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = Buffer.alloc(mimetype.compressed);
    await handle.read(data, 0, data.length, start);
    try {
      zipMimetype = (mimetype.method === 8 ? inflateRawSync(data) : data).toString("ascii").trim();
    } catch {
      zipMimetype = undefined;
    }
  }
  return { zipEntries: entries.map((e) => e.name), zipMimetype };
}
