import { exportMatrixCsv } from "./assessment/matrix";
import type { Actor } from "./auth/actor";
import { db } from "./db/client";
import { errorResponse } from "./http-files";
import { UnauthenticatedError } from "./policy";

/** The tracking matrix as a CSV download (audited, and the audit chain's head signed). */
export async function matrixCsvResponse(actor: Actor | null, scope: { enrolmentId?: string; learnerId?: string }): Promise<Response> {
  try {
    if (!actor) throw new UnauthenticatedError();
    const { name, csv } = await exportMatrixCsv(actor, scope);
    return new Response(csv, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
