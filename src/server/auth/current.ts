import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { type Actor, loadActor } from "./actor";
import { authOptions } from "./options";

/** The signed-in actor for this request, re-read from the database; null when signed out or disabled. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: unknown } | undefined)?.id;
  if (typeof userId !== "string") return null;
  return loadActor(db(), userId);
}
