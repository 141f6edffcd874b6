import { loadActor } from "@/server/auth/actor";
import { decideCriterion } from "@/server/assessment/decide";
import { createDb, withDb } from "@/server/db/client";
import { addComment } from "@/server/portfolio/comments";

export type WriteResult = { kind: "decision" | "comment"; concurrent: number; seconds: number; writes: number; perSecond: number };

// Audited writes through the same server functions the app's actions call, on a pool the size of one
// app instance's. Each writer works on enrolments of its own, as assessors in a centre do.
export async function auditedWrites(appUrl: string, levels: number[], seconds: number): Promise<WriteResult[]> {
  const db = createDb(appUrl);
  try {
    return await withDb(db, async () => {
      const assessorRow = await db.user.findUniqueOrThrow({ where: { email: "assessor@northgate.example" }, select: { id: true } });
      const loaded = await loadActor(db, assessorRow.id);
      if (!loaded) throw new Error("The demo assessor cannot act.");
      const actor = { ...loaded, signedInAt: new Date() }; // a recent sign-in: signing needs no password for five minutes
      const judgements = await db.criterionJudgement.findMany({
        where: { enrolment: { assessorId: actor.userId, status: "IN_PROGRESS", learner: { email: { endsWith: "@bench.example" } } } },
        select: { enrolmentId: true, criterionId: true, revision: true },
        orderBy: [{ enrolmentId: "asc" }],
      });
      const items = await db.evidence.findMany({
        // Items of learners this assessor assesses: anyone else's would be refused as not found.
        where: {
          status: "SUBMITTED",
          centre: { slug: "northgate" },
          learner: { email: { endsWith: "@bench.example" }, enrolments: { some: { assessorId: actor.userId } } },
        },
        select: { id: true },
        take: 2000,
      });
      const enrolments = [...new Set(judgements.map((j) => j.enrolmentId))];
      const results: WriteResult[] = [];
      for (const concurrent of levels) {
        for (const kind of ["decision", "comment"] as const) {
          let writes = 0;
          const deadline = performance.now() + seconds * 1000;
          const began = performance.now();
          await Promise.all(
            Array.from({ length: concurrent }, async (_, w) => {
              const mine = new Set(enrolments.filter((_, i) => i % concurrent === w));
              const queue = judgements.filter((j) => mine.has(j.enrolmentId));
              for (let i = 0; performance.now() < deadline; i++) {
                if (kind === "decision") {
                  const j = queue[i % queue.length];
                  if (!j) return;
                  await decideCriterion(actor, j.enrolmentId, {
                    criterionId: j.criterionId,
                    outcome: "NOT_YET_MET",
                    feedback: "Benchmark feedback: add a reflection.",
                    revision: j.revision,
                    typedName: actor.name,
                  });
                  j.revision += 1;
                } else {
                  const item = items[(i * concurrent + w) % items.length];
                  if (!item) return;
                  await addComment(actor, item.id, { body: "Benchmark comment: please add the date of the observation." });
                }
                writes++;
              }
            }),
          );
          const elapsed = (performance.now() - began) / 1000;
          results.push({ kind, concurrent, seconds: Math.round(elapsed * 10) / 10, writes, perSecond: Math.round((writes / elapsed) * 10) / 10 });
        }
      }
      return results;
    });
  } finally {
    await db.$disconnect();
  }
}
