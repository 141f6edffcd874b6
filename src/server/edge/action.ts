import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current";
import { UserFacingError, databaseRefusal, withFieldNames } from "@/server/errors";
import { NotFoundError, UnauthenticatedError } from "@/server/policy";
import { fieldNamer, readForm } from "./form";

export type { ActionState };

type Spec<R, T = unknown> = {
  /** The server function's schema: which fields to read, and which are lists. Without it, every field's first value. */
  input?: z.ZodObject;
  /** Form control names that differ from the schema's keys (or a function of an error's path), so messages sit beside their field. */
  names?: Record<string, string> | ((path: string) => string);
  run: (actor: Actor, input: Record<string, unknown>, form: FormData) => Promise<R>;
  /** The page to render again after the change (the whole layout with "layout"). */
  refresh?: (form: FormData) => string | [string, "layout"];
  /** The page to go to after the change. */
  next?: (result: R, form: FormData) => string;
  /** What the form hears back (its state's `result`): only what changed, for the page to update in place without rendering again. */
  reply?: (result: R, form: FormData) => T;
};

/**
 * A server action: resolves the signed-in actor (a signed-out visitor is sent to sign in), reads
 * the form, calls one server function, and turns refusals into state the form shows. Anything the
 * actor may not see reads as "not found".
 */
export function formAction<R, T = unknown>(spec: Spec<R, T>) {
  return async (_: ActionState<T>, form: FormData): Promise<ActionState<T>> =>
    answer(spec, form, async () => {
      const actor = await currentActor();
      if (!actor) throw new UnauthenticatedError();
      return actor;
    });
}

/** A server action open to anyone (a witness's link): the server function gets the signed-in person, or null, and decides. */
export function publicFormAction<R>(
  spec: Omit<Spec<R>, "run"> & { run: (viewer: Actor | null, input: Record<string, unknown>, form: FormData) => Promise<R> },
) {
  return async (_: ActionState, form: FormData): Promise<ActionState> => answer(spec, form, currentActor);
}

async function answer<A extends Actor | null, R, T>(
  spec: Omit<Spec<R, T>, "run"> & { run: (actor: A, input: Record<string, unknown>, form: FormData) => Promise<R> },
  form: FormData,
  resolve: () => Promise<A>,
): Promise<ActionState<T>> {
  let next: string | undefined;
  let reply: { result: T } | undefined;
  try {
    const actor = await resolve();
    const input = readForm(form, spec.input, typeof spec.names === "object" ? spec.names : {});
    const result = await withFieldNames(fieldNamer(spec.names), () => spec.run(actor, input, form));
    const refresh = spec.refresh?.(form);
    if (Array.isArray(refresh)) revalidatePath(...refresh);
    else if (refresh) revalidatePath(refresh);
    next = spec.next?.(result, form);
    if (spec.reply) reply = { result: spec.reply(result, form) };
  } catch (e) {
    if (e instanceof UnauthenticatedError) redirect("/sign-in");
    if (e instanceof UserFacingError) return { ok: false, message: e.message, fields: e.fields, at: Date.now() };
    if (e instanceof NotFoundError) return { ok: false, message: "Not found: it may have been removed, or you may not have access to it.", at: Date.now() };
    const refused = databaseRefusal(e);
    if (refused) return { ok: false, message: refused.error.message, at: Date.now() };
    throw e;
  }
  if (next) redirect(next);
  return { ok: true, at: Date.now(), ...reply };
}
