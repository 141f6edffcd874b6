import { createHash } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { NotFoundError, administeredCentre } from "@/server/policy";
import { MAX_IMPORT_BYTES, readImportFile } from "./columns";
import { type ImportSummary, type PlannedRow, planImport, summarise } from "./plan";

export type StoredImport = { rows: PlannedRow[]; summary: ImportSummary };
export const IMPORT_PAGE_SIZE = 50;

const refuse = (message: string): never => {
  throw new UserFacingError(message, { file: message });
};

/**
 * "Check file": reads an uploaded CSV of learners and stores what importing it would do, row by
 * row, for the admin to look at; nothing is applied until they confirm (apply.ts). A file that
 * cannot be read at all is refused beside the file field.
 */
export async function previewImport(actor: Actor, input: { file: unknown; centreId?: unknown }, now = new Date()): Promise<{ id: string }> {
  const centreId = administeredCentre(actor, "administer:centre", typeof input.centreId === "string" && input.centreId ? input.centreId : null);
  const file = input.file;
  if (!(file instanceof Blob) || file.size === 0) return refuse("Choose a CSV file of learners");
  if (file.size > MAX_IMPORT_BYTES) return refuse("The file is larger than 1 MB. Split it into smaller files.");
  const bytes = Buffer.from(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuse("The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 (comma delimited)”.");
  }
  const raws = readImportFile(text);
  const rows = await planImport(db, centreId, raws, now);
  const summary = summarise(rows);
  const fileName = (file instanceof File ? file.name : "learners.csv").slice(0, 200) || "learners.csv";
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  return db.$transaction(async (tx) => {
    const stored: StoredImport = { rows, summary };
    // One text parameter cast to jsonb: a few thousand rows go in as fast as the text can be sent.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "LearnerImport" (id, "centreId", "createdById", "fileName", "fileHash", rows, "createdAt")
      VALUES (gen_random_uuid(), ${centreId}::uuid, ${actor.userId}::uuid, ${fileName}, ${fileHash}, ${JSON.stringify(stored)}::jsonb, ${now.toISOString()}::timestamp)
      RETURNING id::text`;
    if (!row) throw new Error("The import was not stored");
    await appendAudit(
      tx,
      { kind: "import.previewed", actorId: actor.userId, data: { importId: row.id, fileName, fileHash, rows: summary.rows, errors: summary.withProblems } },
      { centreId, subject: `import:${row.id}` },
    );
    return row;
  });
}

const viewSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  show: z.enum(["all", "problems", "changes"]).catch("all"),
});

/** One import as previewed (or applied), a page of its rows at a time, for the admin of its centre. */
export async function importPreview(actor: Actor, importId: string, params: unknown) {
  if (!z.uuid().safeParse(importId).success) throw new NotFoundError();
  const found = await db.learnerImport.findUnique({ where: { id: importId } });
  if (!found) throw new NotFoundError();
  administeredCentre(actor, "administer:centre", found.centreId);
  const v = viewSchema.parse(params ?? {});
  const stored = found.rows as unknown as StoredImport;
  const shown = stored.rows.filter((r) => (v.show === "problems" ? r.problems.length > 0 : v.show === "changes" ? r.steps.length > 0 : true));
  const pages = Math.max(1, Math.ceil(shown.length / IMPORT_PAGE_SIZE));
  const page = Math.min(v.page, pages);
  return {
    id: found.id,
    fileName: found.fileName,
    createdAt: found.createdAt,
    appliedAt: found.appliedAt,
    summary: stored.summary,
    rows: shown.slice((page - 1) * IMPORT_PAGE_SIZE, page * IMPORT_PAGE_SIZE),
    shownTotal: shown.length,
    page,
    pages,
    show: v.show,
  };
}

/** The centre's latest imports, newest first, for the import page. */
export async function recentImports(actor: Actor) {
  const centreId = administeredCentre(actor, "administer:centre");
  return db.learnerImport.findMany({
    where: { centreId },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, fileName: true, createdAt: true, appliedAt: true },
  });
}
