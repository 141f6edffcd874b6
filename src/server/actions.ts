import { redirect } from "next/navigation";
import type { Actor } from "./auth/actor";
import { currentActor } from "./auth/current";
import { UserFacingError, databaseRefusal } from "./errors";
import { NotFoundError, UnauthenticatedError } from "./policy";

import type { ActionState } from "../lib/action-state";

export type { ActionState };

/**
 * Runs a server action's work and turns refusals into state the form shows. Anything the actor
 * may not see reads as "not found"; a signed-out visitor is sent to sign in.
 */
export async function runAction(work: (actor: Actor) => Promise<string | void>): Promise<ActionState> {
  let next: string | void;
  try {
    const actor = await currentActor();
    if (!actor) throw new UnauthenticatedError();
    next = await work(actor);
  } catch (e) {
    if (e instanceof UnauthenticatedError) redirect("/sign-in");
    if (e instanceof UserFacingError) return { ok: false, message: e.message, fields: e.fields, at: Date.now() };
    if (e instanceof NotFoundError) return { ok: false, message: "Not found: it may have been removed, or you may not have access to it.", at: Date.now() };
    const refused = databaseRefusal(e);
    if (refused) return { ok: false, message: refused.error.message, at: Date.now() };
    throw e;
  }
  if (next) redirect(next);
  return { ok: true, at: Date.now() };
}

export const formObject = (form: FormData) => Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]));
