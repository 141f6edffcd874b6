import { describe, expect, it } from "vitest";
import { fieldsOf } from "../support/fields-of";
import { z } from "zod";
import { evidenceInputSchema, planSchema } from "@/lib/portfolio/schemas";
import { day, int, optionalText, text } from "@/lib/input";
import { databaseRefusal } from "@/server/errors";

describe("input building blocks", () => {
  it("bounds text and refuses NUL with a field message", () => {
    const s = z.object({ name: text(10, "Enter a name"), note: optionalText(5) });
    expect(fieldsOf(s, { name: "  Ann  " })).toEqual({});
    expect(s.parse({ name: "  Ann  ", note: "" })).toEqual({ name: "Ann", note: undefined });
    expect(fieldsOf(s, { name: "x".repeat(11) }).name).toBe("Use at most 10 characters");
    expect(fieldsOf(s, { name: "a\u0000b" }).name).toMatch(/control characters/);
    expect(fieldsOf(s, { name: "ok", note: "\u0000" }).note).toMatch(/control characters/);
    expect(fieldsOf(s, {}).name).toBe("Enter a name");
    expect(fieldsOf(s, { name: new Blob(["x"]) }).name).toBe("Enter a name");
    expect(fieldsOf(s, { name: "שלום 👩🏽‍⚕️" })).toEqual({});
  });

  it("accepts only real calendar days from 1900 to 2100", () => {
    const s = z.object({ d: day("the date") });
    for (const ok of ["1900-01-01", "2024-02-29", "2100-12-31"]) expect(fieldsOf(s, { d: ok })).toEqual({});
    for (const bad of ["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2147483648", "26-1-1", "2026-01-01\u0000"])
      expect(fieldsOf(s, { d: bad }).d, bad).toBeTruthy();
  });

  it("bounds integers to their range and to int4", () => {
    const s = z.object({ n: int(0, Number.MAX_SAFE_INTEGER, "Give a number") });
    expect(s.parse({ n: "42" })).toEqual({ n: 42 });
    for (const bad of ["2147483648", "-1", "1.5", "x", "", "\u0000", 2 ** 31]) expect(fieldsOf(s, { n: bad }).n, String(bad)).toBeTruthy();
    expect(s.parse({ n: 2_147_483_647 })).toEqual({ n: 2_147_483_647 });
  });

  it("schemas use them: evidence and plan items", () => {
    const evidence = { title: "T", account: "A", method: "WORK_PRODUCT", activityFrom: "0000-01-01", kind: "FILES" };
    expect(Object.keys(fieldsOf(evidenceInputSchema, evidence))).toEqual(["activityFrom"]);
    expect(Object.keys(fieldsOf(evidenceInputSchema, { ...evidence, activityFrom: "2026-01-01", title: "x".repeat(1024 * 1024) }))).toEqual(["title"]);
    const item = { criterionIds: ["00000000-0000-4000-8000-000000000000"], method: "WORK_PRODUCT", task: "t\u0000", targetDate: "2026-02-30" };
    expect(Object.keys(fieldsOf(planSchema, { items: [item] })).sort()).toEqual(["items.0.targetDate", "items.0.task"]);
  });
});

describe("database errors a user can cause", () => {
  it("become a refusal by code, wherever the driver put it; anything else stays an error", () => {
    expect(databaseRefusal({ code: "P2002", meta: {} })?.status).toBe(409);
    expect(databaseRefusal({ code: "P2039", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "22021" } } } })?.error.message).toMatch(
      /cannot be stored/,
    );
    expect(databaseRefusal({ name: "DriverAdapterError", cause: { kind: "postgres", code: "22P05" } })?.status).toBe(422);
    expect(databaseRefusal({ code: "P2020" })?.error.message).toMatch(/out of range/);
    expect(databaseRefusal(new Error("boom"))).toBeNull();
    expect(databaseRefusal({ code: "P1001" })).toBeNull();
  });
});
