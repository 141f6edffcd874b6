import type { Actor } from "@/server/auth/actor";
import { centresAllowing } from "./can";
import type { Permission } from "./permissions";
import { NotFoundError } from "./refusals";

/**
 * The centre an admin page or action works on: the one asked for (`?centre=` or a form field) when
 * the actor may do this there, otherwise their first such centre; "not found" when they may not
 * anywhere, or not in the centre asked for.
 */
export function administeredCentre(actor: Actor, permission: Permission, requested?: string | null): string {
  return centreAmong(centresAllowing(actor, permission), requested);
}

/** Of the centres the actor may use here, the one asked for, else the first; "not found" otherwise. */
export function centreAmong(allowed: string[], requested?: string | null): string {
  if (requested) {
    if (!allowed.includes(requested)) throw new NotFoundError();
    return requested;
  }
  const [first] = allowed;
  if (!first) throw new NotFoundError();
  return first;
}
