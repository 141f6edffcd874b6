import { describe, expect, it } from "vitest";
import { type RoleName, roles } from "@/lib/roles";
import type { Actor } from "@/server/auth/actor";
import {
  type Access,
  type Permission,
  type Subject,
  allPermissions,
  can,
  centresAllowing,
  holds,
  manageableCentres,
  relationsTo,
  rolePermissions,
  scope,
  scopedPermissions,
} from "@/server/policy";
import { must } from "@/lib/must";

const me = "me";
const someone = "someone";
const learner = "learner";
const [here, elsewhere] = ["centre-1", "centre-2"];

const actor = (...grants: [centreId: string, role: RoleName][]): Actor => ({
  userId: me,
  email: "me@example.com",
  name: "Me",
  grants: grants.map(([centreId, role]) => ({ centreId, centreName: centreId, role, endsAt: null })),
});

// The rule book, written out again: which role holds each permission, and how the actor must
// stand to the resource for it. Changing a rule in src/server/policy/permissions.ts means
// changing it here too, on purpose.
const rules: Record<Permission, Partial<Record<RoleName, Access[]>>> = {
  "read:unit": { LEARNER: ["any"], ASSESSOR: ["any"], IQA: ["any"], CENTRE_ADMIN: ["any"], EXTERNAL_VERIFIER: ["any"] },
  "read:enrolment": { LEARNER: ["own"], ASSESSOR: ["assessed"], IQA: ["sampled"], CENTRE_ADMIN: ["centre"], EXTERNAL_VERIFIER: ["centre"] },
  "read:evidence": { LEARNER: ["own"], ASSESSOR: ["assessed"], IQA: ["sampled"], CENTRE_ADMIN: ["centre"] },
  "create:evidence": { LEARNER: ["own"] },
  "update:evidence": { LEARNER: ["author"], ASSESSOR: ["author"] },
  "withdraw:evidence": { LEARNER: ["author"], ASSESSOR: ["author"] },
  "submit:evidence": { LEARNER: ["own"] },
  "comment:evidence": { LEARNER: ["own"], ASSESSOR: ["assessed"] },
  "request:testimony": { LEARNER: ["own"], ASSESSOR: ["assessed"] },
  "create:record": { ASSESSOR: ["assessed"] },
  "update:plan": { ASSESSOR: ["assessed"] },
  "sign:plan": { LEARNER: ["own"], ASSESSOR: ["assessed"] },
  "decide:criterion": { ASSESSOR: ["assessed"] },
  "review:claim": { ASSESSOR: ["assessed"] },
  "signoff:enrolment": { ASSESSOR: ["assessed"] },
  "countersign:enrolment": { LEARNER: ["own"] },
  "administer:account": { CENTRE_ADMIN: ["centre"] },
  "administer:enrolment": { CENTRE_ADMIN: ["centre"] },
  "administer:centre": { CENTRE_ADMIN: ["centre"] },
  "read:audit": { CENTRE_ADMIN: ["centre"] },
  "publish:unit": { CENTRE_ADMIN: ["any"] },
  "read:outbox": { CENTRE_ADMIN: ["centre"] },
  "check:integrity": { CENTRE_ADMIN: ["any"] },
  "verify:centre": { EXTERNAL_VERIFIER: ["centre"] },
  "sample:enrolment": { IQA: ["sampled"] },
  "reopen:criterion": { IQA: ["sampled"] },
  "unlock:enrolment": { IQA: ["sampled"] },
  "plan:sample": { IQA: ["centre"] },
  "manage:strategy": { IQA: ["centre"], CENTRE_ADMIN: ["centre"] },
  "rate:assessor": { IQA: ["centre"] },
  "read:quality": { ASSESSOR: ["assessed"], IQA: ["centre"], CENTRE_ADMIN: ["centre"] },
  "respond:action": { ASSESSOR: ["assessed"] },
};

// How the actor ("me") can stand to a resource, and the relations each situation amounts to
// (besides `centre` and `any`, which come from where the actor's grant is).
const situations: Record<string, { subject: Omit<Subject, "centreId">; relations: Access[] }> = {
  "their own item": { subject: { learnerId: me, authorId: null }, relations: ["own", "author"] },
  "a record an assessor wrote about them": { subject: { learnerId: me, authorId: someone, assessorIds: [someone] }, relations: ["own"] },
  "a record they wrote about a learner they assess": { subject: { learnerId: learner, authorId: me, assessorIds: [me] }, relations: ["author", "assessed"] },
  "a record they wrote about a learner they no longer assess": { subject: { learnerId: learner, authorId: me, assessorIds: [someone] }, relations: [] },
  "a learner they assess": { subject: { learnerId: learner, authorId: null, assessorIds: [me], iqaIds: [someone] }, relations: ["assessed"] },
  "a learner they sample": { subject: { learnerId: learner, authorId: null, assessorIds: [someone], iqaIds: [me] }, relations: ["sampled"] },
  "someone else's": { subject: { learnerId: learner, authorId: null, assessorIds: [someone], iqaIds: [someone] }, relations: [] },
};
const wheres = { "in their centre": here, "in another centre": elsewhere } as const;

function expected(permission: Permission, role: RoleName, situation: string, where: keyof typeof wheres): boolean {
  const granted = rules[permission][role] ?? [];
  if (granted.includes("any")) return true;
  if (where === "in another centre") return false;
  return granted.includes("centre") || granted.some((a) => must(situations[situation], "situations[situation]").relations.includes(a));
}

describe("the rule book", () => {
  it("is the policy's table, permission by permission", () => {
    for (const role of roles) {
      const written = Object.entries(rules).flatMap(([p, byRole]) => (byRole[role] ?? []).map((a) => `${p}:${a}`));
      expect([...rolePermissions[role]].sort(), role).toEqual(written.sort());
    }
    expect(allPermissions.sort()).toEqual(Object.keys(rules).sort());
  });

  it.each(Object.entries(situations))("%s: the relations are worked out from the resource", (_, { subject, relations }) => {
    expect([...relationsTo(actor(), { centreId: here, ...subject })].filter((r) => r !== "centre").sort()).toEqual([...relations].sort());
  });
});

// Every permission × role × situation × centre: the actor holds only this role, in `here`.
describe.each(allPermissions)("%s", (permission) => {
  const rows = roles.flatMap((role) =>
    Object.keys(situations).flatMap((situation) =>
      (Object.keys(wheres) as (keyof typeof wheres)[]).map((where) => {
        const allowed = expected(permission, role, situation, where);
        return { name: `${role} · ${situation} · ${where} → ${allowed ? "allowed" : "refused"}`, role, situation, where, allowed };
      }),
    ),
  );
  it.each(rows)("$name", ({ role, situation, where, allowed }) => {
    expect(can(actor([here, role]), permission, { centreId: wheres[where], ...must(situations[situation], "situations[situation]").subject })).toBe(allowed);
  });
});

describe("checks without a resource", () => {
  it("count only what a role grants installation-wide", () => {
    expect(can(actor([here, "CENTRE_ADMIN"]), "check:integrity")).toBe(true);
    expect(can(actor([here, "CENTRE_ADMIN"]), "administer:account")).toBe(false);
    expect(can(actor([here, "IQA"]), "read:unit")).toBe(true);
    expect(can(actor(), "read:unit")).toBe(false);
  });

  it("offers each role's home to whoever holds its permission, anywhere", () => {
    expect(holds(actor([here, "LEARNER"]), "read:enrolment:own")).toBe(true);
    expect(holds(actor([here, "LEARNER"]), "read:enrolment:assessed")).toBe(false);
    expect(holds(actor([here, "CENTRE_ADMIN"]), "verify:centre")).toBe(false);
    expect(holds(actor([elsewhere, "EXTERNAL_VERIFIER"]), "verify:centre")).toBe(true);
  });

  it("lists the centres where a permission is held, and the ones an admin manages a user through", () => {
    const both = actor([here, "CENTRE_ADMIN"], [elsewhere, "LEARNER"]);
    expect(centresAllowing(both, "administer:account")).toEqual([here]);
    expect(centresAllowing(both, "create:evidence")).toEqual([elsewhere]);
    expect(manageableCentres(both, [elsewhere, here, here])).toEqual([here]);
    expect(manageableCentres(both, [elsewhere])).toEqual([]);
  });
});

describe("a role counts only in its own centre", () => {
  it("a learner here who assesses elsewhere cannot reach their own items there as a learner", () => {
    const a = actor([here, "LEARNER"], [elsewhere, "ASSESSOR"]);
    expect(can(a, "read:evidence", { centreId: elsewhere, learnerId: me, authorId: null })).toBe(false);
    expect(can(a, "read:evidence", { centreId: here, learnerId: me, authorId: null })).toBe(true);
    expect(can(a, "read:evidence", { centreId: elsewhere, learnerId: learner, assessorIds: [me] })).toBe(true);
  });
});

describe("query scopes", () => {
  it("match nothing for an actor without a role", () => {
    for (const permission of scopedPermissions) expect(scope(actor(), permission)).toEqual({ id: { in: [] } });
  });

  it("have a clause for every access the rule book grants", () => {
    for (const permission of scopedPermissions) for (const role of roles) expect(() => scope(actor([here, role], [elsewhere, role]), permission)).not.toThrow();
  });

  it("keep a learner to their own enrolments in their centres, once per centre", () => {
    expect(scope(actor([here, "LEARNER"], [elsewhere, "LEARNER"]), "read:enrolment")).toEqual({
      OR: [
        { centreId: here, learnerId: me },
        { centreId: elsewhere, learnerId: me },
      ],
    });
  });

  it("narrow to one access when it is named", () => {
    const a = actor([here, "LEARNER"], [here, "ASSESSOR"], [elsewhere, "CENTRE_ADMIN"]);
    expect(scope(a, "read:enrolment:assessed")).toEqual({ OR: [{ centreId: here, assessorId: me }] });
    expect(scope(a, "read:enrolment")).toEqual({ OR: [{ centreId: here, learnerId: me }, { centreId: here, assessorId: me }, { centreId: elsewhere }] });
  });
});
