import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { currentActor } from "./current";

/** For pages: the signed-in actor, or a redirect to sign in and come back to `path`. */
export async function requireActor(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
}
