import type { Actor } from "@/server/auth/actor";
import { type Grantable, type Permission, holds } from "@/server/policy";

export type NavLink = { href: string; label: string };

// The main navigation: each page a role may open is one click from the header, and no link leads
// a role to a page it would be refused (a verifier has no evidence library, an IQA no caseload).
const links: { href: string; label: string; needs?: Permission | Grantable }[] = [
  { href: "/", label: "Home" },
  { href: "/caseload", label: "Caseload", needs: "read:enrolment:assessed" },
  { href: "/evidence", label: "Evidence", needs: "read:evidence" },
  { href: "/units", label: "Units", needs: "read:unit" },
  { href: "/notifications", label: "Notifications" },
  { href: "/centre/enrolments", label: "Enrolments", needs: "administer:enrolment" },
  { href: "/outbox", label: "Outbox", needs: "read:outbox" },
  { href: "/integrity", label: "Record integrity", needs: "check:integrity" },
  { href: "/centre/api-tokens", label: "API tokens", needs: "administer:centre" },
];

/** The header's links for this actor. */
export function navigationFor(actor: Actor): NavLink[] {
  return links.filter((l) => !l.needs || holds(actor, l.needs)).map(({ href, label }) => ({ href, label }));
}
