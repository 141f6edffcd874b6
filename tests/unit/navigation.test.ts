import { describe, expect, it } from "vitest";
import type { RoleName } from "@/lib/roles";
import type { Actor } from "@/server/auth/actor";
import { centreSectionsFor, navigationFor, qualitySectionsFor } from "@/server/home/navigation";

const actor = (...roles: RoleName[]): Actor => ({
  userId: "u",
  email: "u@example.com",
  name: "U",
  grants: roles.map((role) => ({ centreId: "c", centreName: "C", role, endsAt: null })),
});
const labels = (a: Actor) => navigationFor(a).map((l) => l.label);

describe("the main navigation", () => {
  it("offers each role the pages it may open, and nothing it would be refused", () => {
    expect(labels(actor("LEARNER"))).toEqual(["Home", "Evidence", "Units", "Notifications"]);
    expect(labels(actor("ASSESSOR"))).toEqual(["Home", "Caseload", "Evidence", "Units", "Notifications"]);
    expect(labels(actor("IQA"))).toEqual(["Home", "Quality", "Evidence", "Units", "Notifications"]);
    expect(labels(actor("ASSESSOR", "IQA"))).toEqual(["Home", "Caseload", "Quality", "Evidence", "Units", "Notifications"]);
    expect(labels(actor("EXTERNAL_VERIFIER"))).toEqual(["Home", "Units", "Notifications"]);
    expect(labels(actor("CENTRE_ADMIN"))).toEqual(["Home", "Centre", "People", "Enrolments", "Evidence", "Units", "Notifications"]);
    expect(labels(actor())).toEqual(["Home", "Notifications"]);
  });
});

describe("the Centre page", () => {
  it("lists what a centre admin runs, and nothing for anyone else", () => {
    expect(centreSectionsFor(actor("CENTRE_ADMIN")).map((s) => s.label)).toEqual([
      "People",
      "Enrolments",
      "Import learners",
      "Settings",
      "Manage units",
      "Quality",
      "Audit log",
      "API tokens",
      "Record integrity",
      "Outbox",
    ]);
    for (const role of ["LEARNER", "ASSESSOR", "IQA", "EXTERNAL_VERIFIER"] as const) expect(centreSectionsFor(actor(role))).toEqual([]);
  });
});

describe("the Quality page", () => {
  it("lists the strategy, assessors, plans, actions and reports for IQAs and centre admins, and nothing for anyone else", () => {
    const all = ["Sampling strategy", "Assessors and risk", "Sample plans", "Actions", "Reports"];
    expect(qualitySectionsFor(actor("IQA")).map((s) => s.label)).toEqual(all);
    expect(qualitySectionsFor(actor("CENTRE_ADMIN")).map((s) => s.label)).toEqual(all);
    for (const role of ["LEARNER", "ASSESSOR", "EXTERNAL_VERIFIER"] as const) expect(qualitySectionsFor(actor(role))).toEqual([]);
  });
});
