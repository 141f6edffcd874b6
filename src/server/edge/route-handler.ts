import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current";
import { UnauthenticatedError } from "@/server/policy";
import { json, refusal } from "./respond";

type Handler<C> = (actor: Actor, request: Request, context: C) => Promise<Response | object>;

/**
 * A route handler for signed-in users: resolves the actor (401 when signed out), answers an
 * object as JSON, and turns refusals into 401/404/413/422. `ownCsp` for routes proxy.ts skips.
 */
export function route<C>(handler: Handler<C>, options: { ownCsp?: boolean } = {}) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) throw new UnauthenticatedError();
      const answer = await handler(actor, request, context);
      return answer instanceof Response ? answer : json(answer, 200, options.ownCsp);
    } catch (e) {
      return refusal(e, options.ownCsp);
    }
  };
}
