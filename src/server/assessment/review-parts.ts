import type { CurrentDecision } from "@/lib/assessment/review-state";
import { formatBytes, formatDate, formatDateTime } from "@/lib/format";
import { formatOffset } from "@/lib/portfolio/records";
import { methodLabels } from "@/lib/portfolio/schemas";
import type { Prisma } from "@/server/db/generated/client";

// The pieces the review screen and a criterion's own page load alike: an item mapped to a
// criterion (its newest submitted version, a bounded number of its files) and a decision.

/** Files listed per item; an item with more says so and links to itself. */
export const FILES_PER_ITEM = 10;
/** Items named under a decision as relied on; the rest are counted. */
const RELIED_ON_NAMED = 5;

/** The links the assessor reviews: current, to submitted items. */
export const shownLinks = (enrolmentId: string) =>
  ({ enrolmentId, removedAt: null, evidence: { status: "SUBMITTED" } }) satisfies Prisma.EvidenceLinkWhereInput;

export const evidenceItemSelect = {
  id: true,
  note: true,
  claim: true,
  atSeconds: true,
  evidence: {
    select: {
      id: true,
      title: true,
      authorId: true,
      versions: {
        where: { submittedAt: { not: null } },
        orderBy: { version: "desc" },
        take: 1,
        select: {
          id: true,
          version: true,
          method: true,
          activityFrom: true,
          kind: true,
          location: true,
          holder: true,
          relevance: true,
          files: { orderBy: { position: "asc" }, take: FILES_PER_ITEM, select: { id: true, fileName: true, mediaType: true, size: true } },
          _count: { select: { files: true } },
        },
      },
    },
  },
} satisfies Prisma.EvidenceLinkSelect;

type LinkRow = Prisma.EvidenceLinkGetPayload<{ select: typeof evidenceItemSelect }>;

/**
 * An item as the review lists it ([] for one without a submitted version, which is not reviewed),
 * its words ready to show: the screen renders it in the browser from this, so it stays small.
 */
export function evidenceItem(l: LinkRow) {
  const version = l.evidence.versions[0];
  if (!version) return [];
  return [
    {
      linkId: l.id,
      evidenceId: l.evidence.id,
      title: l.evidence.title,
      note: l.note,
      notedBy: l.evidence.authorId ? ("assessor" as const) : ("learner" as const),
      claim: l.claim,
      /** Where in its recording the criterion is covered ("1:15"), if it is a recording. */
      at: l.atSeconds === null ? null : { seconds: l.atSeconds, words: formatOffset(l.atSeconds) },
      versionId: version.id,
      version: version.version,
      method: methodLabels[version.method],
      activity: formatDate(version.activityFrom),
      keptInPlace:
        version.kind === "FILES" ? null : `Kept in place: ${version.location ?? ""} (held by ${version.holder ?? ""}). ${version.relevance ?? ""}`.trim(),
      files: version.files.map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: formatBytes(Number(f.size)) })),
      fileCount: version._count.files,
    },
  ];
}

export type EvidenceItem = ReturnType<typeof evidenceItem>[number];

export const currentDecisionSelect = {
  outcome: true,
  typedName: true,
  decidedAt: true,
  feedback: true,
  evidence: { take: RELIED_ON_NAMED, orderBy: { evidenceVersionId: "asc" }, select: { version: { select: { version: true, title: true } } } },
  _count: { select: { evidence: true } },
} satisfies Prisma.DecisionSelect;

type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof currentDecisionSelect }>;

/** A decision as the review says it. */
export function currentDecision(d: DecisionRow): CurrentDecision {
  return {
    outcome: d.outcome,
    typedName: d.typedName,
    decidedAt: formatDateTime(d.decidedAt),
    feedback: d.feedback,
    reliedOn: d.evidence.map((e) => `${e.version.title} v${e.version.version}`),
    reliedOnCount: d._count.evidence,
  };
}
