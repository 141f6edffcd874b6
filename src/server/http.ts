import { NextResponse } from "next/server";
import type { Actor } from "./auth/actor";
import { currentActor } from "./auth/current";
import { UserFacingError, databaseRefusal } from "./errors";
import { NotFoundError, UnauthenticatedError } from "./policy";
import { UploadTooLargeError } from "./storage/disk";

/** The HTTP answer to a refusal; anything else is a bug and is rethrown. */
export function refusalFor(e: unknown): { status: number; error: string } {
  if (e instanceof UnauthenticatedError) return { status: 401, error: "Sign in to use this." };
  if (e instanceof NotFoundError) return { status: 404, error: e.message };
  if (e instanceof UploadTooLargeError) return { status: 413, error: e.message };
  if (e instanceof UserFacingError) return { status: 422, error: e.message };
  const refused = databaseRefusal(e);
  if (refused) return { status: refused.status, error: refused.error.message };
  throw e;
}

const noStore = { "Cache-Control": "private, no-store" };

/** Wraps a route handler: resolves the actor and turns policy refusals into 401/404 JSON. */
export function withActor<C>(handler: (actor: Actor, request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C) => {
    try {
      const actor = await currentActor();
      if (!actor) throw new UnauthenticatedError();
      const body = await handler(actor, request, context);
      return NextResponse.json(body, { headers: noStore });
    } catch (e) {
      const refusal = refusalFor(e);
      return NextResponse.json({ error: refusal.error }, { status: refusal.status, headers: noStore });
    }
  };
}
