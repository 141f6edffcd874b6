import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { NotFoundError, scope } from "@/server/policy";
import { readableApiEnrolment } from "./enrolments";
import { type ApiAnswer, type ApiRequest, pathId } from "./handler";
import { pageInfo } from "./people";
import { evidenceQuery } from "./schemas";

// Submitted and withdrawn items only: a draft is the learner's unfinished work. Metadata only: no
// account text and no file bytes; each file by name, type, size and SHA-256.
const fields = {
  id: true,
  learnerId: true,
  title: true,
  status: true,
  method: true,
  activityFrom: true,
  createdAt: true,
  updatedAt: true,
  versions: {
    where: { submittedAt: { not: null } },
    orderBy: { version: "desc" },
    take: 1,
    select: {
      version: true,
      submittedAt: true,
      contentHash: true,
      files: { orderBy: { position: "asc" }, select: { fileName: true, mediaType: true, size: true, sha256: true } },
    },
  },
  links: {
    where: { removedAt: null },
    orderBy: [{ enrolmentId: "asc" }, { criterion: { position: "asc" } }],
    select: { enrolmentId: true, claim: true, criterion: { select: { code: true } } },
  },
} as const satisfies Prisma.EvidenceSelect;

type Row = Prisma.EvidenceGetPayload<{ select: typeof fields }>;

const shape = (e: Row) => {
  const latest = e.versions[0];
  return {
    id: e.id,
    learnerId: e.learnerId,
    title: e.title,
    status: e.status,
    method: e.method,
    activityFrom: e.activityFrom.toISOString().slice(0, 10),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    submitted: latest
      ? {
          version: latest.version,
          submittedAt: latest.submittedAt?.toISOString() ?? null,
          contentHash: latest.contentHash,
          files: latest.files.map((f) => ({ ...f, size: Number(f.size) })),
        }
      : null,
    criteria: e.links.map((l) => ({ enrolmentId: l.enrolmentId, criterion: l.criterion.code, claim: l.claim })),
  };
};

async function evidencePage(api: ApiRequest, where: Prisma.EvidenceWhereInput): Promise<ApiAnswer> {
  const q = api.query(evidenceQuery);
  const all: Prisma.EvidenceWhereInput = { AND: [scope(api.caller.actor, "read:evidence"), { status: { not: "DRAFT" } }, where] };
  const [total, rows] = await Promise.all([
    db.evidence.count({ where: all }),
    db.evidence.findMany({ where: all, orderBy: [{ activityFrom: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: fields }),
  ]);
  return { body: { data: rows.map(shape), ...pageInfo(q.page, q.pageSize, total) } };
}

/** GET /api/v1/enrolments/{id}/evidence: the items mapped to the enrolment's criteria. */
export async function enrolmentEvidenceApi(api: ApiRequest, enrolmentId: string): Promise<ApiAnswer> {
  const enrolment = await readableApiEnrolment(api, enrolmentId);
  return evidencePage(api, { links: { some: { enrolmentId: enrolment.id, removedAt: null } } });
}

/** GET /api/v1/learners/{id}/evidence: the learner's items in the token's centre; 404 for someone who is not its learner. */
export async function learnerEvidenceApi(api: ApiRequest, learnerId: string): Promise<ApiAnswer> {
  const id = pathId(learnerId);
  const enrolled = await db.enrolment.findFirst({ where: { AND: [{ learnerId: id }, scope(api.caller.actor, "read:enrolment")] }, select: { id: true } });
  if (!enrolled) throw new NotFoundError();
  return evidencePage(api, { learnerId: id });
}
