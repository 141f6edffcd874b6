import { describe, expect, it } from "vitest";
import { refusalFromHead } from "@/lib/file-types";
import { UserFacingError } from "@/server/errors";
import { assertSameOrigin, uploadFileName } from "@/server/edge/request";
import { NotFoundError } from "@/server/policy";
import { cleanFileName } from "@/server/portfolio/files";

describe("file names from the X-File-Name header", () => {
  it("decodes a percent-encoded name", () => {
    expect(uploadFileName("r%C3%A9sum%C3%A9.pdf")).toBe("résumé.pdf");
  });
  it("refuses a malformed encoding with a clear message, not a crash", () => {
    expect(() => uploadFileName("%E0%A4%A")).toThrow(UserFacingError);
    expect(() => uploadFileName("%E0%A4%A")).toThrow(/file name/);
  });
  it("refuses a missing name", () => {
    expect(() => uploadFileName(null)).toThrow(UserFacingError);
  });
});

describe("cleanFileName", () => {
  it.each([
    ["bidi override that fakes the extension", "invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["isolates and marks", "a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch.txt", "abcdefgh.txt"],
    ["zero-width characters and BOM", "\uFEFFre\u200Bpo\u200Crt\u200D.pdf", "report.pdf"],
    ["control characters", "a\u0000b\u001Fc\u007Fd\u0085e.txt", "abcde.txt"],
    ["soft hyphen and other format characters", "re\u00ADport\u2060\u{E0001}.pdf", "report.pdf"],
    ["folders", "../../etc/passwd", "passwd"],
    ["nothing left", "\u202E\u200B", "file"],
  ])("%s", (_what, raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
  it("keeps ordinary letters of any script", () => {
    expect(cleanFileName("تقرير مارس.pdf")).toBe("تقرير مارس.pdf");
  });
});

describe("assertSameOrigin", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/uploads/x", { method: "POST", headers });
  it("accepts the app's own origin", () => {
    expect(() => assertSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" }))).not.toThrow();
  });
  it.each([["null"], ["not a url"], ["http://evil.example"], [""]])("refuses Origin %j as not found", (origin) => {
    expect(() => assertSameOrigin(request({ origin, host: "localhost:3000" }))).toThrow(NotFoundError);
  });
});

describe("refusalFromHead: what can be refused before the rest of the body arrives", () => {
  const head = (s: string | Buffer) => (Buffer.isBuffer(s) ? s : Buffer.from(s));
  it("refuses a program from its first bytes", () => {
    expect(refusalFromHead("setup.exe", head(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(100)])))?.reason).toMatch(/Windows executables/);
  });
  it("refuses content that disagrees with the name", () => {
    expect(refusalFromHead("report.pdf", head("plain words"))?.reason).toMatch(/named \.pdf/);
  });
  it("leaves a ZIP to the full check (its directory is at the end)", () => {
    expect(refusalFromHead("minutes.docx", head(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])))).toBeNull();
  });
  it("lets an accepted head through", () => {
    expect(refusalFromHead("notes.txt", head("Met the provider."))).toBeNull();
  });
});
