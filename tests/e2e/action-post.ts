import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type APIRequestContext, expect } from "@playwright/test";
import { E2E_PORT } from "../../playwright.config";
import { must } from "@/lib/must";

type Entry = { filename: string; exportedName: string; workers: Record<string, unknown> };
let actionIds: Map<string, { id: string; page: string }> | undefined;
// Read when first needed: the build that `npm start` makes for this run writes the manifest.
function actionFor(file: string, name: string) {
  if (!actionIds) {
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")).node as Record<string, Entry>;
    actionIds = new Map(
      Object.entries(manifest).map(([id, e]) => [
        `${e.filename}#${e.exportedName}`,
        { id, page: must(Object.keys(e.workers)[0], "Object.keys(e.workers)[0]") },
      ]),
    );
  }
  return actionIds.get(`${file}#${name}`);
}

/** A field sent as a file where text was expected, or left out of the form. */
export const FILE = Symbol("a file where text was expected");
export const MISSING = Symbol("the field left out");
export type Value = string | typeof FILE | typeof MISSING;

/** Calls a server action the way Next's client does: the form fields prefixed "_1_", then the root "0" = [prevState, "$K1"]. */
export async function postAction(
  request: APIRequestContext,
  file: string,
  name: string,
  fields: Record<string, Value>,
  origin = `http://localhost:${E2E_PORT}`,
) {
  const action = actionFor(file, name);
  expect(action, `${file}#${name} is in the build`).toBeTruthy();
  const path = `/${must(action, "action")
    .page.replace(/^app\//, "")
    .replace(/\/?page$/, "")}`.replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
  // Built by hand so the root part comes last: React resolves "$K1" from the fields received before it.
  const boundary = `----attest${randomBytes(8).toString("hex")}`;
  const part = (k: string, v: Value) =>
    v === MISSING
      ? ""
      : v === FILE
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nsome text\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const body =
    [...Object.entries(fields).map(([k, v]) => part(`_1_${k}`, v)), part("0", JSON.stringify([{ ok: false }, "$K1"]))].join("") + `--${boundary}--\r\n`;
  return request.post(path, {
    headers: {
      "Next-Action": must(action, "action").id,
      Accept: "text/x-component",
      Origin: origin,
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    data: Buffer.from(body, "utf8"),
    maxRedirects: 0,
  });
}
