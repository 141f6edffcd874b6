import { json } from "@/server/edge/respond";
import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

// Public by design: it tells only whether the app and its database answer.
export async function GET() {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503);
}
