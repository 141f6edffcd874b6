import { describe, expect, it } from "vitest";
import { outcomeOfResponse, refusalBeforeUpload } from "@/lib/upload-outcome";

const MB = 1024 ** 2;

describe("refusalBeforeUpload: what the browser can tell from a file's name and size", () => {
  it.each([
    ["report.pdf", 10],
    ["Photo.JPG", 10],
    ["minutes.docx", 10],
    ["notes.txt", 10],
  ])("lets %s through to the server", (name, size) => {
    expect(refusalBeforeUpload({ name, size }, MB)).toBeNull();
  });
  it.each([
    ["setup.exe", /Programs and scripts are not accepted/],
    ["diagram.svg", /SVG images are not accepted; export the image as PNG/],
    ["bundle.zip", /ZIP archives/],
    ["page.html", /print the page to PDF/],
    ["README", /no extension/],
    ["model.blend", /Files ending \.blend are not accepted\. Use PDF/],
  ])("refuses %s by its name", (name, reason) => {
    expect(refusalBeforeUpload({ name, size: 10 }, MB)).toMatch(reason);
  });
  it("refuses an empty file and one over the limit, naming the limit", () => {
    expect(refusalBeforeUpload({ name: "a.pdf", size: 0 }, MB)).toBe("The file is empty.");
    expect(refusalBeforeUpload({ name: "a.pdf", size: 40 * MB + 1 }, 40 * MB)).toBe("The file is larger than the limit of 40 MB.");
    expect(refusalBeforeUpload({ name: "a.pdf", size: 40 * MB }, 40 * MB)).toBeNull();
  });
});

describe("outcomeOfResponse: the upload route's answer, told beside the file", () => {
  it("is uploaded on 201", () => {
    expect(outcomeOfResponse("a.pdf", 201, undefined)).toEqual({ state: "uploaded" });
  });
  it("gives the server's reason for a refused type without repeating the file name", () => {
    expect(outcomeOfResponse("invoice.pdf", 422, "invoice.pdf was not accepted: Programs (Windows executables) are not accepted as evidence.")).toEqual({
      state: "refused",
      reason: "Programs (Windows executables) are not accepted as evidence.",
    });
  });
  it("keeps a reason whole when it names another file", () => {
    expect(outcomeOfResponse("a.txt", 422, "b.txt was not accepted: x")).toEqual({ state: "refused", reason: "b.txt was not accepted: x" });
  });
  it("says the file is too large on 413", () => {
    expect(outcomeOfResponse("a.pdf", 413, "The file is larger than the limit of 40 MB.")).toEqual({
      state: "refused",
      reason: "The file is larger than the limit of 40 MB.",
    });
  });
  it("says the item can no longer take files on 404", () => {
    expect(outcomeOfResponse("a.pdf", 404, "Not found")).toMatchObject({ state: "refused", reason: expect.stringMatching(/can no longer take files/) });
  });
  it("treats signing out, conflicts and server errors as failures worth retrying", () => {
    expect(outcomeOfResponse("a.pdf", 401, "Sign in to use this.")).toMatchObject({ state: "failed", reason: expect.stringMatching(/signed out/) });
    expect(outcomeOfResponse("a.pdf", 409, "Someone else changed this at the same time. Try again.")).toEqual({
      state: "failed",
      reason: "Someone else changed this at the same time. Try again.",
    });
    expect(outcomeOfResponse("a.pdf", 502, undefined)).toMatchObject({ state: "failed", reason: expect.stringMatching(/error 502/) });
  });
});
