import { describe, expect, it } from "vitest";
import { loadActor } from "@/server/auth/actor";
import { loadDemo } from "@/server/demo/load-demo";
import { adminHome, assessorHome, iqaHome, learnerHome, verifierHome } from "@/server/home/queries";
import { NotFoundError, UnauthenticatedError } from "@/server/policy";
import { actorFor } from "../support/actors";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

// Tests of the demo data itself, so it starts from the demo and acts as its accounts.
const { db } = await freshDatabase("demo");
const as = actorFor(db);
const northgate = await db.centre.findUniqueOrThrow({ where: { slug: "northgate" } });
const riverside = await db.centre.findUniqueOrThrow({ where: { slug: "riverside" } });

describe("the demo data", () => {
  it("loads the two centres, their accounts and enrolments, and a second load duplicates nothing", async () => {
    const count = async () => ({
      centres: await db.centre.count(),
      users: await db.user.count(),
      grants: await db.roleGrant.count(),
      enrolments: await db.enrolment.count(),
      units: await db.unit.count(),
    });
    const before = await count();
    expect(before).toEqual({ centres: 2, users: 9, grants: 9, enrolments: 8, units: 2 });
    const hash = (await db.user.findUniqueOrThrow({ where: { email: "learner@northgate.example" } })).passwordHash;
    await loadDemo(db);
    expect(await count()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email: "learner@northgate.example" } })).passwordHash).toBe(hash);
  });
});

describe("each role's home", () => {
  it("shows a learner their own units with criteria counts", async () => {
    const units = await learnerHome(await as("learner@northgate.example"));
    expect(units.map((u) => [u.unit.code, u.criteria])).toEqual([
      ["AG26", { total: 10, performance: 10, knowledge: 0 }],
      ["CPC308", { total: 43, performance: 22, knowledge: 21 }],
    ]);
    expect(units.every((u) => u.learner.email === "learner@northgate.example")).toBe(true);
  });

  it("shows an assessor their assigned learners", async () => {
    const { learners } = await assessorHome(await as("assessor@northgate.example"));
    expect(learners.map((l) => [l.email, l.units.length])).toEqual([
      ["learner2@northgate.example", 2],
      ["learner@northgate.example", 2],
      ["learner3@northgate.example", 2],
    ]);
  });

  it("shows an IQA the assessors and learners they cover", async () => {
    const groups = await iqaHome(await as("iqa@northgate.example"));
    expect(groups.map((g) => [g.assessor, g.learners.length])).toEqual([["Sam Okafor", 3]]);
  });

  it("shows a verifier the centres they may see", async () => {
    expect(await verifierHome(await as("verifier@northgate.example"))).toMatchObject([
      { name: "Northgate Training", learners: 3, enrolments: { total: 6, page: 1, pages: 1 } },
    ]);
  });

  it("shows an admin their centre's users and enrolments, a page at a time", async () => {
    const home = await adminHome(await as("admin@northgate.example"), northgate.id);
    expect(home.users.total).toBe(7);
    expect(home.enrolments.total).toBe(6);
    expect(home.users.rows.map((u) => u.email)).not.toContain("learner@riverside.example");
    const beyond = await adminHome(await as("admin@northgate.example"), northgate.id, { users: "99", enrolments: "junk" });
    expect(beyond.users.rows).toEqual([]);
    expect(beyond.enrolments.page).toBe(1);
  });
});

describe("centres never see each other", () => {
  it("refuses another centre's admin with not found", async () => {
    await expect(adminHome(await as("admin@riverside.example"), northgate.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(adminHome(await as("admin@northgate.example"), riverside.id)).rejects.toBeInstanceOf(NotFoundError);
    const riversideHome = await adminHome(await as("admin@riverside.example"), riverside.id);
    expect(riversideHome.users.rows.map((u) => u.email).sort()).toEqual(["admin@riverside.example", "learner@riverside.example"]);
    expect(riversideHome.enrolments.rows.every((e) => e.centre.name === "Riverside College")).toBe(true);
  });

  it("refuses homes of roles the actor does not hold, and signed-out visitors", async () => {
    const learner = await as("learner@riverside.example");
    await expect(assessorHome(learner)).rejects.toBeInstanceOf(NotFoundError);
    await expect(iqaHome(learner)).rejects.toBeInstanceOf(NotFoundError);
    await expect(verifierHome(learner)).rejects.toBeInstanceOf(NotFoundError);
    await expect(adminHome(learner, riverside.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await learnerHome(learner)).every((e) => e.centre.name === "Riverside College")).toBe(true);
  });

  it("a verifier whose window has closed sees no centre", async () => {
    const verifier = await as("verifier@northgate.example");
    await db.roleGrant.updateMany({ where: { userId: verifier.userId }, data: { endsAt: new Date(Date.now() - 1000) } });
    const expired = must(await loadActor(db, verifier.userId), "(await loadActor(db, verifier.userId))");
    await expect(verifierHome(expired)).rejects.toBeInstanceOf(NotFoundError);
  });
});
