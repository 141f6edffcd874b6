import { NextResponse } from "next/server";
import type { Actor } from "./auth/actor";
import { currentActor } from "./auth/current";
import { NotFoundError, UnauthenticatedError } from "./policy";

const noStore = { "Cache-Control": "private, no-store" };

/** Wraps a route handler: resolves the actor and turns policy refusals into 401/404 JSON. */
export function withActor<C>(handler: (actor: Actor | null, request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C) => {
    try {
      const body = await handler(await currentActor(), request, context);
      return NextResponse.json(body, { headers: noStore });
    } catch (e) {
      if (e instanceof UnauthenticatedError) return NextResponse.json({ error: "Sign in to use this." }, { status: 401, headers: noStore });
      if (e instanceof NotFoundError) return NextResponse.json({ error: e.message }, { status: 404, headers: noStore });
      throw e;
    }
  };
}
