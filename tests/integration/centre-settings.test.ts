import { describe, expect, it } from "vitest";
import { addBankHolidays, addClosure, centreSettings, removeClosure, updateCentreSettings } from "@/server/centre/settings";
import { db } from "@/server/db/client";
import { UserFacingError } from "@/server/errors";
import { assessorDashboard } from "@/server/home/assessor-dashboard";
import { caseloadRows } from "@/server/assessment/caseload";
import { sendMail } from "@/server/mail/send";
import { NotFoundError } from "@/server/policy";
import { requestWitnessTestimony } from "@/server/portfolio/witness";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";

await freshDatabase();
const centre = await build.centre();
const elsewhere = await build.centre();
const admin = await build.user({ centre, roles: ["CENTRE_ADMIN"] });
const otherAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const assessor = await build.user({ centre, roles: ["ASSESSOR"] });
const learner = await build.user({ centre, roles: ["LEARNER"] });
const cpc = await build.enrolment({ learner, assessor, unit: "CPC308" });

const settings = (over: Record<string, unknown> = {}) => ({ reviewTargetDays: "10", witnessLinkDays: "14", outboxAllowed: "on", ...over });
const events = (kind: string) => db.auditEvent.findMany({ where: { centreId: centre.id, kind }, orderBy: { id: "asc" } });

describe("centre settings", () => {
  it("saves the review target, witness link lifetime and outbox choice, auditing each old and new value", async () => {
    expect(await updateCentreSettings(admin, settings({ reviewTargetDays: "5", outboxAllowed: undefined }))).toEqual({
      changed: ["reviewTargetDays", "outboxAllowed"],
    });
    expect(await db.centre.findUniqueOrThrow({ where: { id: centre.id } })).toMatchObject({ reviewTargetDays: 5, witnessLinkDays: 14, outboxAllowed: false });
    const [event] = await events("centre.settings_changed");
    expect(event?.actorId).toBe(admin.userId);
    expect(event?.data).toEqual({ changes: { reviewTargetDays: { from: 10, to: 5 }, outboxAllowed: { from: true, to: false } } });
    // Saving the same values again changes and audits nothing.
    expect(await updateCentreSettings(admin, settings({ reviewTargetDays: "5", outboxAllowed: undefined }))).toEqual({ changed: [] });
    expect(await events("centre.settings_changed")).toHaveLength(1);
    await updateCentreSettings(admin, settings());
  });

  it("refuses a target or lifetime outside 1 to 60 beside its field, changing nothing", async () => {
    for (const bad of [{ reviewTargetDays: "0" }, { reviewTargetDays: "61" }, { witnessLinkDays: "abc" }, { witnessLinkDays: "" }]) {
      const attempt = updateCentreSettings(admin, settings(bad));
      await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
      await expect(attempt).rejects.toMatchObject({ fields: { [Object.keys(bad)[0] as string]: expect.stringMatching(/1 to 60|days/) } });
    }
    expect(await db.centre.findUniqueOrThrow({ where: { id: centre.id } })).toMatchObject({ reviewTargetDays: 10, witnessLinkDays: 14, outboxAllowed: true });
  });

  it("lets only the centre's own admin read or change them", async () => {
    await expect(centreSettings(otherAdmin, centre.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCentreSettings(otherAdmin, settings({ centreId: centre.id, reviewTargetDays: "2" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCentreSettings(assessor, settings({ reviewTargetDays: "2" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(addClosure(learner, { day: "2027-01-04", name: "x" })).rejects.toBeInstanceOf(NotFoundError);
    // Without a centre asked for, another centre's admin changes their own centre only.
    await updateCentreSettings(otherAdmin, settings({ reviewTargetDays: "2" }));
    expect((await db.centre.findUniqueOrThrow({ where: { id: centre.id } })).reviewTargetDays).toBe(10);
    expect((await db.centre.findUniqueOrThrow({ where: { id: elsewhere.id } })).reviewTargetDays).toBe(2);
  });
});

describe("non-working days", () => {
  it("adds a day with a name, refuses the same day twice, and removes it, each audited", async () => {
    await addClosure(admin, { day: { day: "4", month: "1", year: "2027" }, name: "Staff training day" });
    await expect(addClosure(admin, { day: "2027-01-04", name: "Again" })).rejects.toMatchObject({
      fields: { day: expect.stringContaining("Staff training day") },
    });
    await expect(addClosure(admin, { day: "2027-02-30", name: "No such day" })).rejects.toMatchObject({ fields: { day: expect.stringMatching(/real date/) } });
    expect((await centreSettings(admin)).closures).toEqual([{ day: "2027-01-04", name: "Staff training day" }]);
    await removeClosure(admin, { day: "2027-01-04" });
    await expect(removeClosure(admin, { day: "2027-01-04" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await centreSettings(admin)).closures).toEqual([]);
    expect((await events("centre.closure_added")).map((e) => e.data)).toEqual([{ days: [{ day: "2027-01-04", name: "Staff training day" }] }]);
    expect((await events("centre.closure_removed")).map((e) => e.data)).toEqual([{ day: "2027-01-04", name: "Staff training day" }]);
  });

  it("adds the England and Wales bank holidays of the next two years once", async () => {
    expect(await addBankHolidays(admin, {}, new Date("2026-12-02T10:00:00Z"))).toEqual({ added: 16 });
    expect(await addBankHolidays(admin, {}, new Date("2026-12-02T10:00:00Z"))).toEqual({ added: 0 });
    const { closures } = await centreSettings(admin);
    expect(closures[0]).toEqual({ day: "2026-12-25", name: "Christmas Day" });
    expect(closures).toHaveLength(16);
    expect(await db.centreClosure.count({ where: { centreId: elsewhere.id } })).toBe(0);
  });
});

describe("the review target counts working days", () => {
  it("skips the centre's closures on the assessor's home and caseload", async () => {
    await build.submittedItem({ learner, criteria: ["A1"] });
    // Wednesday 23 December 2026; the centre is closed on 25 and 28 December (bank holidays above).
    await db.criterionJudgement.updateMany({
      where: { enrolmentId: cpc.id, state: "EVIDENCE_SUBMITTED" },
      data: { queuedAt: new Date("2026-12-23T09:00:00Z") },
    });
    await updateCentreSettings(admin, settings({ reviewTargetDays: "4" }));
    // 24, 29, 30, 31 December: the fourth working day is Thursday 31 December.
    const row = async (now: string) => (await caseloadRows(assessor, new Date(`${now}T12:00:00Z`))).find((r) => r.id === cpc.id);
    expect(await row("2026-12-30")).toMatchObject({ waitedDays: 3, overdue: false });
    // Friday 1 January is New Year's Day: still 4; Monday 4 January is the fifth, past the target.
    expect(await row("2027-01-01")).toMatchObject({ waitedDays: 4, overdue: false });
    expect(await row("2027-01-04")).toMatchObject({ waitedDays: 5, overdue: true });
    const home = await assessorDashboard(assessor, new Date("2026-12-31T12:00:00Z"));
    expect(home.dueToday.map((r) => r.id)).toContain(cpc.id);
    // Without the closures, it would have been overdue by then.
    await removeClosure(admin, { day: "2026-12-25" });
    await removeClosure(admin, { day: "2026-12-28" });
    expect((await assessorDashboard(assessor, new Date("2026-12-31T12:00:00Z"))).overdue.map((r) => r.id)).toContain(cpc.id);
  });
});

describe("witness links and the outbox", () => {
  it("gives a witness link the centre's lifetime", async () => {
    await updateCentreSettings(admin, settings({ witnessLinkDays: "3" }));
    const { id } = await build.submittedItem({ learner, criteria: ["A2"], title: "Witnessed" });
    const now = new Date("2026-11-02T10:00:00Z");
    const request = await requestWitnessTestimony(
      learner,
      id,
      { witnessName: "W", witnessEmail: "w@example.com", jobRole: "Manager", relationship: "Manager", statement: "S" },
      now,
    );
    const stored = await db.witnessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored.expiresAt).toEqual(new Date(now.getTime() + 3 * 86_400_000));
  });

  it("keeps mail in the outbox only when the centre allows it; otherwise refuses clearly", async () => {
    await updateCentreSettings(admin, settings({ outboxAllowed: undefined }));
    const before = await db.outboxEmail.count();
    await expect(sendMail(db, { to: "a@example.com", subject: "s", text: "t", centreId: centre.id })).rejects.toThrow(
      /does not allow mail to wait in the outbox/,
    );
    expect(await db.outboxEmail.count()).toBe(before);
    await expect(sendMail(db, { to: "a@example.com", subject: "s", text: "t", centreId: elsewhere.id })).resolves.toEqual({ via: "outbox" });
    const { id } = await build.submittedItem({ learner, criteria: ["A3"], title: "Not sent" });
    await expect(
      requestWitnessTestimony(learner, id, { witnessName: "W", witnessEmail: "w@example.com", jobRole: "Manager", relationship: "Manager", statement: "S" }),
    ).rejects.toThrow(/Witness requests cannot be sent/);
    expect(await db.witnessRequest.count({ where: { evidenceId: id } })).toBe(0);
  });
});
