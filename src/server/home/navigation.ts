import type { Actor } from "@/server/auth/actor";
import { type Grantable, type Permission, holds } from "@/server/policy";

export type NavLink = { href: string; label: string };
type Needs = Permission | Grantable;
type Linked = NavLink & { needs?: Needs };

// The main navigation: each page a role uses daily is one click from the header, and no link leads
// a role to a page it would be refused (a verifier has no evidence library, an IQA no caseload).
// A centre admin's less frequent pages are on the Centre page, two clicks away.
const links: Linked[] = [
  { href: "/", label: "Home" },
  { href: "/caseload", label: "Caseload", needs: "read:enrolment:assessed" },
  // An IQA's daily work; a centre admin (whose header is full) finds it on the Centre page.
  { href: "/quality", label: "Quality", needs: "plan:sample" },
  { href: "/centre", label: "Centre", needs: "administer:centre" },
  { href: "/centre/people", label: "People", needs: "administer:account" },
  { href: "/centre/enrolments", label: "Enrolments", needs: "administer:enrolment" },
  { href: "/evidence", label: "Evidence", needs: "read:evidence" },
  { href: "/units", label: "Units", needs: "read:unit" },
  { href: "/notifications", label: "Notifications" },
];

export type CentreSection = NavLink & { description: string };

// The Centre page: everything a centre admin runs, each with what it is for.
const sections: (CentreSection & { needs: Needs | Needs[] })[] = [
  { href: "/centre/people", label: "People", needs: "administer:account", description: "Invite staff and learners, give and end roles, deactivate accounts." },
  {
    href: "/centre/enrolments",
    label: "Enrolments",
    needs: "administer:enrolment",
    description: "Enrol learners on units, assign assessors and IQAs, withdraw, record certificates.",
  },
  { href: "/centre/import", label: "Import learners", needs: "administer:enrolment", description: "Add many learners and their enrolments from a CSV file." },
  { href: "/centre/settings", label: "Settings", needs: "administer:centre", description: "Review target, non-working days, witness links and mail." },
  { href: "/centre/units", label: "Manage units", needs: "publish:unit", description: "Upload, preview, publish and retire unit versions." },
  {
    href: "/quality",
    label: "Quality",
    needs: ["administer:centre", "read:quality:centre"],
    description: "The sampling strategy, assessors' risk ratings, sample plans and actions.",
  },
  { href: "/centre/audit", label: "Audit log", needs: "read:audit", description: "Who did what and when, with filters and a CSV download." },
  { href: "/centre/api-tokens", label: "API tokens", needs: "administer:centre", description: "Tokens your MIS uses to read and write through the API." },
  { href: "/integrity", label: "Record integrity", needs: "check:integrity", description: "Check that no audit event or signed record has been altered." },
  { href: "/outbox", label: "Outbox", needs: "read:outbox", description: "Mail kept here instead of sent, on development and demo runs." },
];

/** Those whose every need the actor holds. */
const allowed = <T extends { needs?: Needs | Needs[] }>(actor: Actor, list: T[]) =>
  list.filter((l) => (Array.isArray(l.needs) ? l.needs : l.needs ? [l.needs] : []).every((n) => holds(actor, n)));

/** The header's links for this actor. */
export function navigationFor(actor: Actor): NavLink[] {
  return allowed(actor, links).map(({ href, label }) => ({ href, label }));
}

/** The Centre page's sections for this actor; none for someone who administers no centre. */
export function centreSectionsFor(actor: Actor): CentreSection[] {
  return allowed(actor, sections).map(({ href, label, description }) => ({ href, label, description }));
}

// The Quality page: internal quality assurance for a centre's IQAs, and for its admins to read.
const qualitySections: (CentreSection & { needs: Needs })[] = [
  {
    href: "/quality/strategy",
    label: "Sampling strategy",
    needs: "manage:strategy",
    description: "How much of each assessor's learners and units to sample at each risk level, the interim and summative split, and the methods to cover.",
  },
  {
    href: "/quality/assessors",
    label: "Assessors and risk",
    needs: "read:quality:centre",
    description: "Each assessor's risk rating and review date, with Attest's suggestion and its reasons.",
  },
  { href: "/quality/plans", label: "Sample plans", needs: "read:quality:centre", description: "Plans for a period: what is sampled, why, and what it covers." },
  {
    href: "/quality/actions",
    label: "Actions",
    needs: "read:quality:centre",
    description: "Actions raised for assessors after a review: open, overdue and closed.",
  },
  {
    href: "/quality/reports",
    label: "Reports",
    needs: "read:quality:centre",
    description: "What was sampled in a period, why, what was found and the actions raised: a PDF and CSVs to give an external verifier.",
  },
];

/** The Quality page's sections for this actor; none for someone who reads no centre's quality assurance. */
export function qualitySectionsFor(actor: Actor): CentreSection[] {
  return allowed(actor, qualitySections).map(({ href, label, description }) => ({ href, label, description }));
}
