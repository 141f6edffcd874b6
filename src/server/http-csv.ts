import { exportMatrixCsv } from "./assessment/matrix";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import { errorResponse } from "./http-files";

/** The tracking matrix as a CSV download (audited, and the audit chain's head signed). */
export async function matrixCsvResponse(actor: Actor | null, scope: { enrolmentId?: string; learnerId?: string }): Promise<Response> {
  try {
    const { name, csv } = await exportMatrixCsv(db(), actor, scope);
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
