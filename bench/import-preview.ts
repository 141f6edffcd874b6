import { loadActor } from "@/server/auth/actor";
import { previewImport } from "@/server/centre/import";
import { createDb, withDb } from "@/server/db/client";

export type ImportPreviewResult = { rows: number; seconds: number };

// The learner import's preview of a large file (issue 11: 2,000 rows in under 5 s), through the same
// server function the page's action calls: half the rows are learners already in the centre, half new.
export async function importPreviewTime(appUrl: string, rows = 2000): Promise<ImportPreviewResult> {
  const db = createDb(appUrl);
  try {
    return await withDb(db, async () => {
      const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@northgate.example" }, select: { id: true } });
      const actor = await loadActor(db, admin.id);
      if (!actor) throw new Error("The demo admin cannot act.");
      const known = await db.user.findMany({ where: { email: { endsWith: "@bench.example" } }, select: { name: true, email: true }, take: rows / 2 });
      const lines = ["Name,Email,Unit codes,Assessor email,IQA email,Start date"];
      for (let i = 0; i < rows; i++) {
        const person = known[i] ?? { name: `Imported Learner ${i}`, email: `imported-${i}@import.bench.example` };
        lines.push(`"${person.name}",${person.email},CPC308;AG26,assessor@northgate.example,iqa@northgate.example,3/11/2026`);
      }
      const file = new File([lines.join("\r\n")], "bench.csv", { type: "text/csv" });
      const began = performance.now();
      await previewImport(actor, { file });
      return { rows, seconds: Math.round((performance.now() - began) / 10) / 100 };
    });
  } finally {
    await db.$disconnect();
  }
}
