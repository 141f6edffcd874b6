import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { withFieldNames } from "@/server/errors";
import { assignEnrolmentInTx, enrolInTx } from "@/server/centre/enrolments";
import { NotFoundError, administeredCentre, scope } from "@/server/policy";
import type { ApiAnswer, ApiRequest } from "./handler";
import { pathId } from "./handler";
import { pageInfo } from "./people";
import { assignBody, createEnrolmentBody, listEnrolmentsQuery } from "./schemas";

const person = { select: { id: true, name: true, email: true } } as const;
const enrolmentFields = {
  id: true,
  status: true,
  startedAt: true,
  completedAt: true,
  withdrawnAt: true,
  certificateNumber: true,
  certificatedOn: true,
  learner: person,
  assessor: person,
  iqa: person,
  unit: { select: { id: true, code: true, version: true, displayCode: true, title: true } },
} as const;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
type Row = Prisma.EnrolmentGetPayload<{ select: typeof enrolmentFields }>;
const shape = (e: Row) => ({ ...e, startedAt: day(e.startedAt), certificatedOn: day(e.certificatedOn) });

/** GET /api/v1/enrolments: the centre's enrolments, filtered by learner, unit code and status, a page at a time. */
export async function listEnrolmentsApi(api: ApiRequest): Promise<ApiAnswer> {
  const q = api.query(listEnrolmentsQuery);
  const centreId = administeredCentre(api.caller.actor, "administer:enrolment", api.caller.centreId);
  const where: Prisma.EnrolmentWhereInput = {
    AND: [scope(api.caller.actor, "read:enrolment"), { centreId }],
    ...(q.learnerId ? { learnerId: q.learnerId } : {}),
    ...(q.unit ? { unit: { code: q.unit.toUpperCase() } } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.enrolment.count({ where }),
    db.enrolment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: enrolmentFields,
    }),
  ]);
  return { body: { data: rows.map(shape), ...pageInfo(q.page, q.pageSize, total) } };
}

/** POST /api/v1/enrolments: enrols one of the centre's learners (the enrolment rules of src/server/centre/enrolments). */
export async function createEnrolmentApi(api: ApiRequest): Promise<ApiAnswer> {
  const input = await api.body(createEnrolmentBody);
  const centreId = administeredCentre(api.caller.actor, "administer:enrolment", api.caller.centreId);
  const { id } = await withFieldNames(
    (path) => (path === "learnerEmail" ? "learnerId" : path),
    () => api.write(201, (tx) => enrolInTx(tx, { centreId, ...input, actorId: api.caller.actorId })),
  );
  const created = await db.enrolment.findUniqueOrThrow({ where: { id }, select: enrolmentFields });
  return { status: 201, body: shape(created) };
}

/** POST /api/v1/enrolments/{id}/assignments: makes someone (or nobody) the enrolment's assessor or IQA. */
export async function assignApi(api: ApiRequest, enrolmentId: string): Promise<ApiAnswer> {
  // Another centre's enrolment is 404 whatever the body says.
  const { id } = await readableApiEnrolment(api, enrolmentId);
  const input = await api.body(assignBody);
  await api.write(200, (tx) =>
    assignEnrolmentInTx(
      tx,
      api.caller.actor,
      { enrolmentId: id, role: input.role, userId: input.userId, reason: input.reason || undefined },
      api.caller.actorId,
    ),
  );
  const enrolment = await db.enrolment.findUniqueOrThrow({ where: { id }, select: enrolmentFields });
  return { body: shape(enrolment) };
}

/** The enrolment if the token's centre holds it; 404 otherwise (another centre's ids included). */
export async function readableApiEnrolment(api: ApiRequest, enrolmentId: string) {
  const id = pathId(enrolmentId);
  const enrolment = await db.enrolment.findFirst({
    where: { AND: [{ id }, scope(api.caller.actor, "read:enrolment")] },
    select: { id: true, unitId: true, learnerId: true, centreId: true },
  });
  if (!enrolment) throw new NotFoundError();
  return enrolment;
}

/** GET /api/v1/enrolments/{id}/progress: criteria met, awaiting a decision and not yet met, and the last activity. */
export async function progressApi(api: ApiRequest, enrolmentId: string): Promise<ApiAnswer> {
  const enrolment = await readableApiEnrolment(api, enrolmentId);
  const [total, states, lastJudgement, lastDecision, lastLink] = await Promise.all([
    db.criterion.count({ where: { unitId: enrolment.unitId } }),
    db.criterionJudgement.groupBy({ by: ["state"], where: { enrolmentId: enrolment.id }, _count: { _all: true } }),
    db.criterionJudgement.aggregate({ where: { enrolmentId: enrolment.id }, _max: { updatedAt: true } }),
    db.decision.aggregate({ where: { enrolmentId: enrolment.id }, _max: { decidedAt: true } }),
    db.evidenceLink.aggregate({ where: { enrolmentId: enrolment.id }, _max: { createdAt: true } }),
  ]);
  const count = (state: string) => states.find((s) => s.state === state)?._count._all ?? 0;
  const times = [lastJudgement._max.updatedAt, lastDecision._max.decidedAt, lastLink._max.createdAt].filter((t): t is Date => !!t);
  const lastActivityAt = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))).toISOString() : null;
  return {
    body: {
      enrolmentId: enrolment.id,
      criteria: {
        total,
        met: count("MET"),
        // A reopened criterion waits for the assessor's new decision, as a submitted one does.
        awaitingDecision: count("EVIDENCE_SUBMITTED") + count("REOPENED"),
        notYetMet: count("NOT_YET_MET"),
        notStarted: total - count("MET") - count("EVIDENCE_SUBMITTED") - count("REOPENED") - count("NOT_YET_MET"),
      },
      lastActivityAt,
    },
  };
}
