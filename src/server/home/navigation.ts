import type { Actor } from "@/server/auth/actor";
import { type Grantable, type Permission, holds } from "@/server/policy";

export type NavLink = { href: string; label: string };
type Linked = NavLink & { needs?: Permission | Grantable };

// The main navigation: each page a role uses daily is one click from the header, and no link leads
// a role to a page it would be refused (a verifier has no evidence library, an IQA no caseload).
// A centre admin's less frequent pages are on the Centre page, two clicks away.
const links: Linked[] = [
  { href: "/", label: "Home" },
  { href: "/caseload", label: "Caseload", needs: "read:enrolment:assessed" },
  { href: "/centre", label: "Centre", needs: "administer:centre" },
  { href: "/centre/people", label: "People", needs: "administer:account" },
  { href: "/centre/enrolments", label: "Enrolments", needs: "administer:enrolment" },
  { href: "/evidence", label: "Evidence", needs: "read:evidence" },
  { href: "/units", label: "Units", needs: "read:unit" },
  { href: "/notifications", label: "Notifications" },
];

export type CentreSection = NavLink & { description: string };

// The Centre page: everything a centre admin runs, each with what it is for.
const sections: (CentreSection & { needs: Permission | Grantable })[] = [
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
  { href: "/centre/audit", label: "Audit log", needs: "read:audit", description: "Who did what and when, with filters and a CSV download." },
  { href: "/centre/api-tokens", label: "API tokens", needs: "administer:centre", description: "Tokens your MIS uses to read and write through the API." },
  { href: "/integrity", label: "Record integrity", needs: "check:integrity", description: "Check that no audit event or signed record has been altered." },
  { href: "/outbox", label: "Outbox", needs: "read:outbox", description: "Mail kept here instead of sent, on development and demo runs." },
];

const allowed = <T extends { needs?: Permission | Grantable }>(actor: Actor, list: T[]) => list.filter((l) => !l.needs || holds(actor, l.needs));

/** The header's links for this actor. */
export function navigationFor(actor: Actor): NavLink[] {
  return allowed(actor, links).map(({ href, label }) => ({ href, label }));
}

/** The Centre page's sections for this actor; none for someone who administers no centre. */
export function centreSectionsFor(actor: Actor): CentreSection[] {
  return allowed(actor, sections).map(({ href, label, description }) => ({ href, label, description }));
}
