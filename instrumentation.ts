// Runs once when each app instance starts: the daily audit checkpoint and check (src/server/audit/schedule.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditSchedule } = await import("@/server/audit/schedule");
  startAuditSchedule();
}
