import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docx, odt, pdf, png, wav, zip } from "@/server/demo/sample-files";
import { inspectFile } from "@/server/storage/inspect";

const dir = mkdtempSync(path.join(tmpdir(), "sniff-"));
async function check(name: string, bytes: Buffer | string) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}`);
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  writeFileSync(file, data);
  return inspectFile(file, name, data.length);
}

describe("accepted files", () => {
  it.each([
    ["report.pdf", pdf("Hello"), "application/pdf"],
    ["photo.png", png(), "image/png"],
    ["clip.wav", wav(0.1), "audio/wav"],
    ["minutes.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["minutes.odt", odt(), "application/vnd.oasis.opendocument.text"],
    ["notes.txt", "Met the provider on Tuesday; agreed the new rota.\n", "text/plain"],
    ["budget.csv", "item,cost\nrota,120\n", "text/csv"],
    ["photo.JPG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), "image/jpeg"],
    ["talk.mp4", Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom"), Buffer.alloc(16)]), "video/mp4"],
  ])("%s", async (name, bytes, mediaType) => {
    expect(await check(name, bytes)).toMatchObject({ ok: true, mediaType });
  });
});

// The hostile or broken corpus: each must be refused with a message that says why.
describe("refused files", () => {
  it.each([
    ["setup.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), /Windows executables/],
    ["report.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]), /Windows executables/],
    ["tool", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]), /Linux executables/],
    ["app.txt", Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), Buffer.alloc(60)]), /macOS executables/],
    ["notes.txt", "#!/bin/sh\nrm -rf ~\n", /Scripts/],
    ["page.html", "<!DOCTYPE html><html><body>hi</body></html>", /HTML/],
    ["notes.txt", "<html><script>alert(1)</script></html>", /HTML/],
    ["diagram.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>', /SVG images are not accepted/],
    ["logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /SVG images are not accepted/],
    ["late.svg", `<svg xmlns="http://www.w3.org/2000/svg"><desc>${"x".repeat(9000)}</desc><script>alert(1)</script></svg>`, /SVG images are not accepted/],
    ["diagram.txt", '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', /SVG images are not accepted/],
    ["report.pdf", png(), /named \.pdf but its content is a PNG file/],
    ["minutes.docx", pdf("x"), /named \.docx but its content is a PDF file/],
    ["archive.zip", zip([["a.txt", "hello"]]), /ZIP archives/],
    ["minutes.docx", zip([["a.txt", "hello"]]), /ZIP archives/],
    [
      "macro.docx",
      zip([
        ["[Content_Types].xml", "<Types/>"],
        ["word/document.xml", "<w/>"],
        ["word/vbaProject.bin", "x"],
      ]),
      /macros/,
    ],
    ["empty.pdf", Buffer.alloc(0), /empty/],
    ["data.txt", Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), /not accepted/],
    ["photo", png(), /has no extension/],
    ["photo.jpg", Buffer.from("GIF89a\x01\x00\x01\x00"), /named \.jpg but its content is a GIF file/],
  ])("%s (%#)", async (name, bytes, reason) => {
    const verdict = await check(name, bytes);
    expect(verdict.ok).toBe(false);
    expect((verdict as { reason: string }).reason).toMatch(reason);
  });
});
