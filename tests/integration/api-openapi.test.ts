import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations, requestSchema } from "@/server/api/openapi";
import * as schemas from "@/server/api/schemas";
import { createApiToken } from "@/server/api/tokens";
import { GET as openApiRoute } from "@/../app/api/v1/openapi.json/route";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

await freshDatabase("units");

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

const document = (await openApiRoute().json()) as {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema: object }[]; requestBody?: { content: { "application/json": { schema: object } } } }>
  >;
};

describe("/api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with a path and method for every route handler under app/api/v1", async () => {
    expect(document.openapi).toBe("3.1.0");
    const handlers: string[] = [];
    for (const file of await routeFiles("app/api/v1")) {
      const route = path.dirname(path.relative("app/api/v1", file)).replace(/\[(\w+)\]/g, "{$1}");
      if (route === "openapi.json") continue;
      const text = await readFile(file, "utf8");
      for (const m of text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) handlers.push(`${(m[1] ?? "").toLowerCase()} /${route}`);
    }
    const documented = Object.entries(document.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(handlers.sort());
  });

  it("describes each request with the very zod schema its handler validates with", async () => {
    const byName = new Map<unknown, string>(Object.entries(schemas).map(([name, s]) => [s, name]));
    for (const op of operations) {
      const described = document.paths[op.path]?.[op.method];
      if (op.body) {
        expect(byName.get(op.body), `${op.method} ${op.path} body`).toBeDefined();
        expect(described?.requestBody?.content["application/json"].schema).toEqual(requestSchema(op.body));
      }
      if (op.query) {
        expect(byName.get(op.query), `${op.method} ${op.path} query`).toBeDefined();
        const params = Object.fromEntries((described?.parameters ?? []).filter((p) => p.in === "query").map((p) => [p.name, p.schema]));
        expect(params).toEqual((requestSchema(op.query) as { properties: object }).properties);
      }
    }
    // The server modules validate with these same exports (no second copy of a schema).
    const sources = await Promise.all(["people", "enrolments", "evidence"].map((f) => readFile(`src/server/api/${f}.ts`, "utf8")));
    for (const op of operations) for (const schema of [op.body, op.query]) if (schema) expect(sources.join("\n")).toContain(`(${byName.get(schema)})`);
  });

  it("agrees with the handlers: an empty body is refused naming exactly the fields the document requires", async () => {
    const centre = await build.centre();
    const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
    const { token } = await createApiToken(admin, { name: "MIS" });
    const { id } = await build.enrolment({ learner: await build.user({ centre, roles: ["LEARNER"] }), unit: "CPC308" });
    for (const op of operations.filter((o) => o.body)) {
      const file = `app/api/v1${op.path.replace("{id}", "[id]")}/route.ts`;
      const handler = (
        (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response>>
      )[op.method.toUpperCase()];
      const url = `http://attest.test/api/v1${op.path.replace("{id}", id)}`;
      if (!handler || !op.body) throw new Error(`No ${op.method} handler in ${file}`);
      const response = await handler(new Request(url, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "{}" }), {
        params: Promise.resolve({ id }),
      });
      const required = (requestSchema(op.body) as { required?: string[] }).required ?? [];
      expect(response.status, file).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: object }).fields).sort(), file).toEqual([...required].sort());
    }
  });
});
