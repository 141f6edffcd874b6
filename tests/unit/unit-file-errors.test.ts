import { readFileSync } from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UnitFileError, loadUnitFiles, parseUnitFile } from "@/server/standards/load";

const good = () => JSON.parse(readFileSync("prisma/standards/cpc-308.json", "utf8"));

function problems(mutate: (u: ReturnType<typeof good>) => void): string[] {
  const unit = good();
  mutate(unit);
  try {
    parseUnitFile("broken.json", JSON.stringify(unit));
  } catch (e) {
    expect(e).toBeInstanceOf(UnitFileError);
    expect((e as Error).message).toContain("broken.json");
    return (e as UnitFileError).problems;
  }
  throw new Error("the file was accepted");
}

describe("a unit file with an error", () => {
  it("names the path of an empty criterion text", () => {
    expect(problems((u) => (u.sections[1].criteria[2].text = " "))).toEqual(["sections[1].criteria[2].text: must not be empty"]);
  });
  it("names an unknown scope category", () => {
    expect(problems((u) => (u.sections[0].criteria[0].terms[1].scope = "nobody"))).toContain(
      'sections[0].criteria[0].terms[1].scope: unknown scope category "nobody"',
    );
  });
  it("names a bold term left unexplained", () => {
    expect(problems((u) => (u.sections[0].criteria[5].terms = []))).toContain('sections[0].criteria[5].text: bold term "risks" has no explanation in terms');
  });
  it("names a duplicate criterion code", () => {
    expect(problems((u) => (u.sections[1].criteria[0].code = "A1"))).toContain('sections[1].criteria[0].code: duplicate criterion code "A1"');
  });
  it("names a missing or mistyped field", () => {
    expect(problems((u) => delete u.title)).toEqual(["title: Invalid input: expected string, received undefined"]);
    expect(problems((u) => (u.level = "four"))[0]).toMatch(/^level: /);
  });
  it("reports text that is not JSON", () => {
    expect(() => parseUnitFile("bad.json", "{ nope")).toThrow(/bad\.json[\s\S]*not valid JSON/);
  });
  it("fails the whole load when one file in the folder is wrong", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "units-"));
    writeFileSync(path.join(dir, "a-good.json"), JSON.stringify(good()));
    const bad = good();
    bad.sections[0].criteria[0].code = "not a code";
    writeFileSync(path.join(dir, "b-bad.json"), JSON.stringify(bad));
    await expect(loadUnitFiles(dir)).rejects.toThrow(/b-bad\.json: sections\[0\]\.criteria\[0\]\.code/);
  });
});
