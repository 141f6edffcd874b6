import { Readable } from "node:stream";
import { type Actor, loadActor } from "@/server/auth/actor";
import type { Db } from "@/server/db/client";
import { receiveToTemp } from "@/server/storage/disk";
import { must } from "@/lib/must";

/** A demo account, by its email: only for tests of the demo data (others build their own people: builders.ts). */
export const actorFor =
  (db: Db) =>
  async (email: string): Promise<Actor> => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    return must(await loadActor(db, user.id), "(await loadActor(db, user.id))");
  };

/** Streams bytes through the same receiver the upload route uses. */
export const received = (bytes: Buffer, limit = 10 * 1024 * 1024) => receiveToTemp(Readable.from([bytes]), limit);

export const evidenceInput = (over: Record<string, unknown> = {}) => ({
  title: "Resource use report for March",
  account: "I compiled the monthly report on staff hours and budget and presented it to the commissioning board.",
  method: "WORK_PRODUCT",
  activityFrom: "2026-03-14",
  kind: "FILES",
  ...over,
});
