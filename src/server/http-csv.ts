import { matrixCsv, trackingMatrix } from "./assessment/matrix";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import { errorResponse } from "./http-files";

/** The tracking matrix as a CSV download. */
export async function matrixCsvResponse(actor: Actor | null, scope: { enrolmentId?: string; learnerId?: string }): Promise<Response> {
  try {
    const matrix = await trackingMatrix(db(), actor, scope);
    const name = `tracking-${matrix.learner.name.replace(/[^A-Za-z0-9]+/g, "-")}${scope.enrolmentId ? `-${matrix.enrolments[0]!.unit.displayCode.replace(/\s+/g, "")}` : ""}.csv`;
    return new Response(matrixCsv(matrix), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
