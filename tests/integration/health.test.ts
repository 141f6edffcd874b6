import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { createDb, useDb } from "@/server/db/client";
import { freshDatabase } from "../support/db";

await freshDatabase("schema");

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database is unreachable", async () => {
    useDb(createDb("postgresql://nobody:nothing@127.0.0.1:1/none"));
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", db: "unreachable" });
  });
});
