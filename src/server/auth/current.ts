import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/server/db/client";
import { type Actor, loadActor } from "./actor";
import { authOptions } from "./options";

/**
 * The signed-in actor for this request, re-read from the database; null when signed out or disabled.
 * Memoised per render, so the layout and the page share one read.
 */
export const currentActor = cache(async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: unknown; signedInAt?: unknown } | undefined;
  if (typeof user?.id !== "string") return null;
  const actor = await loadActor(db, user.id);
  if (actor && typeof user.signedInAt === "number") actor.signedInAt = new Date(user.signedInAt);
  return actor;
});
