import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/server/auth/actor";
import { currentActor } from "@/server/auth/current";
import { NotFoundError } from "@/server/policy";

/** For pages: the signed-in actor, or a redirect to sign in and come back to `path`. */
export async function requireActor(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}

/** For pages: what the server function returns, or Next's not-found page for what the actor may not see. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
