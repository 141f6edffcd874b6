import type { RoleName } from "../../lib/roles";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";

// One set of factories for the demo data and the tests. Each is idempotent: it returns what
// exists and creates only what is missing, so loading twice duplicates nothing.

export async function ensureCentre(db: Db, slug: string, name: string) {
  return db.centre.upsert({ where: { slug }, update: {}, create: { slug, name } });
}

export type UserSpec = {
  email: string;
  name: string;
  password: string;
  grants: { centreId: string; role: RoleName; startsAt?: Date; endsAt?: Date }[];
};

export async function ensureUser(db: Db, spec: UserSpec) {
  const email = spec.email.toLowerCase();
  let user = await db.user.findUnique({ where: { email } });
  if (!user) user = await db.user.create({ data: { email, name: spec.name, passwordHash: await hashPassword(spec.password) } });
  if (spec.grants.length) {
    await db.roleGrant.createMany({
      data: spec.grants.map((g) => ({ userId: user.id, centreId: g.centreId, role: g.role, startsAt: g.startsAt ?? null, endsAt: g.endsAt ?? null })),
      skipDuplicates: true,
    });
  }
  return user;
}

export async function ensureEnrolments(
  db: Db,
  rows: { centreId: string; learnerId: string; unitId: string; assessorId?: string | null; iqaId?: string | null }[],
) {
  await db.enrolment.createMany({
    data: rows.map((r) => ({ ...r, assessorId: r.assessorId ?? null, iqaId: r.iqaId ?? null })),
    skipDuplicates: true,
  });
}

/** The newest published version of each unit code. */
export async function latestUnits(db: Db) {
  const units = await db.unit.findMany({ where: { status: "PUBLISHED" }, orderBy: [{ code: "asc" }, { version: "desc" }] });
  return units.filter((u, i) => units.findIndex((v) => v.code === u.code) === i);
}
