import type { Actor } from "@/server/auth/actor";
import { can, centreAmong } from "@/server/policy";

// The centres whose quality assurance the actor reads as a whole (an IQA, a centre admin). An
// assessor's `read:quality:assessed` covers only samples of their own decisions, never these pages.

/** The centres where the actor reads quality assurance centre-wide, with their names, in grant order. */
export function qualityCentres(actor: Actor): { id: string; name: string }[] {
  const centres = new Map(actor.grants.map((g) => [g.centreId, g.centreName]));
  return [...centres.entries()].filter(([id]) => can(actor, "read:quality", { centreId: id })).map(([id, name]) => ({ id, name }));
}

/** The centre asked for when the actor reads its quality assurance, else their first such centre; "not found" otherwise. */
export function qualityCentre(actor: Actor, requested?: string | null): string {
  return centreAmong(
    qualityCentres(actor).map((c) => c.id),
    requested,
  );
}
