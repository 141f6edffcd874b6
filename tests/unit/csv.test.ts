import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, toCsv } from "@/lib/csv";

describe("reading CSV", () => {
  it("reads plain fields, trimming unquoted ones, and skips blank lines", () => {
    expect(parseCsv("a,b , c\n\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("ignores a byte order mark and reads CRLF, LF and CR line ends", () => {
    expect(parseCsv("\uFEFFname,email\r\nA,a@x\rB,b@x\nC,c@x")).toEqual([
      ["name", "email"],
      ["A", "a@x"],
      ["B", "b@x"],
      ["C", "c@x"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields, as typed", () => {
    expect(parseCsv('"Lee, Jo","say ""hi""","two\r\nlines", " padded "\n')).toEqual([["Lee, Jo", 'say "hi"', "two\r\nlines", " padded "]]);
  });

  it("keeps empty fields, at the end too", () => {
    expect(parseCsv("a,,c,\n")).toEqual([["a", "", "c", ""]]);
  });

  it("refuses an unclosed quote and text after a closing quote, naming the row", () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/Row 2/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/Row 2: text follows a closing quote/);
  });

  it("writes what it reads back", () => {
    const records = [
      ["name", "note"],
      ["Lee, Jo", 'say "hi"\nthere'],
    ];
    expect(parseCsv(toCsv(records))).toEqual(records);
  });
});
