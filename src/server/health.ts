import { db } from "./db/client";
import type { Db } from "./db/client";

/** Whether the database answers; used by GET /api/health and load balancers. */
export async function checkHealth(): Promise<{ status: "ok" | "unavailable"; db: "ok" | "unreachable" }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "unavailable", db: "unreachable" };
  }
}
