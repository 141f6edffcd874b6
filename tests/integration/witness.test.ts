import { afterAll, describe, expect, it, vi } from "vitest";
import { createEvidence } from "@/server/portfolio/evidence";
import { listNotifications } from "@/server/notifications/notifications";
import { centreOutbox, requestWitnessTestimony, respondToWitnessRequest, witnessView } from "@/server/portfolio/witness";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { evidenceInput } from "../support/actors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { linkIn, startSmtpCapture } from "../support/smtp-capture";
import { must } from "@/lib/must";

const { db } = await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"] });
const iqa = await build.user({ centre: home, roles: ["IQA"] });
const admin = await build.user({ centre: home, roles: ["CENTRE_ADMIN"] });
const elsewhereAdmin = await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Jordan Lee" });
const learner2 = await build.user({ centre: home, roles: ["LEARNER"] });
for (const who of [learner, learner2]) await build.enrolment({ learner: who, assessor, iqa, unit: "CPC308" });
const verifier = await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] });
const smtp = await startSmtpCapture(0);
afterAll(() => smtp.close());

const request = {
  witnessName: "Dana Price",
  witnessEmail: "dana.price@provider.example",
  jobRole: "Registered manager",
  relationship: "Line manager",
  statement: "Jordan chaired the provider review on 3 October and agreed the new monitoring schedule.",
};
const { id: evidenceId } = await createEvidence(learner, evidenceInput({ title: "Provider review testimony", method: "WITNESS_TESTIMONY" }));
const tokenOf = (raw: string) => must(must(linkIn(raw), "linkIn(raw)").split("/witness/")[1], 'must(linkIn(raw), "linkIn(raw)").split("/witness/")[1]');

describe("witness testimony", () => {
  it("emails a single-use link through SMTP; only the token's hash is stored", async () => {
    process.env.SMTP_URL = smtp.url;
    try {
      await requestWitnessTestimony(learner, evidenceId, request);
    } finally {
      delete process.env.SMTP_URL;
    }
    const mail = must(smtp.messages.at(-1), "smtp.messages.at(-1)");
    expect(mail.to).toEqual(["dana.price@provider.example"]);
    const token = tokenOf(mail.raw);
    const row = await db.witnessRequest.findFirstOrThrow({ where: { evidenceId } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(14 * 86_400_000, -4);

    const view = await witnessView(null, token);
    expect(view).toMatchObject({ state: "open", learner: "Jordan Lee", title: "Provider review testimony" });
    await respondToWitnessRequest(null, token, { outcome: "CONFIRMED", confirmedName: "Dana Price" }, "203.0.113.7");
    expect(await db.witnessRequest.findFirstOrThrow({ where: { evidenceId } })).toMatchObject({
      outcome: "CONFIRMED",
      confirmedName: "Dana Price",
      responseIp: "203.0.113.7",
    });
    expect((await listNotifications(learner)).some((n) => n.message === "Dana Price confirmed the witness statement for “Provider review testimony”.")).toBe(
      true,
    );

    await expect(respondToWitnessRequest(null, token, { outcome: "DECLINED", confirmedName: "Someone" }, null)).rejects.toThrow(/already been used/);
    expect(await witnessView(null, token)).toEqual({ state: "used", outcome: "CONFIRMED" });
  });

  it("says when the link expires as a British date and UK time", async () => {
    // 8 November 2026 09:30 UTC, plus 14 days: 22 November, still GMT. In summer the clock reads an hour on.
    await requestWitnessTestimony(assessor, evidenceId, request, new Date("2026-11-08T09:30:00Z"));
    const winter = must(
      (await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0],
      '(await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]',
    );
    expect(winter.text).toContain("expires on 22 November 2026 at 09:30 (UK time):");
    await requestWitnessTestimony(assessor, evidenceId, request, new Date("2026-06-08T09:30:00Z"));
    const summer = must(
      (await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0],
      '(await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]',
    );
    expect(summer.text).toContain("expires on 22 June 2026 at 10:30 (UK time):");
  });

  it("refuses an expired link and a made-up one", async () => {
    await requestWitnessTestimony(assessor, evidenceId, request);
    const mail = must(
      (await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0],
      '(await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]',
    );
    const token = tokenOf(mail.text);
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await witnessView(null, token, later)).toEqual({ state: "expired" });
    await expect(respondToWitnessRequest(null, token, { outcome: "CONFIRMED", confirmedName: "Dana" }, null, later)).rejects.toThrow(/expired/);
    expect(await witnessView(null, "x".repeat(43))).toEqual({ state: "invalid" });
    expect(await witnessView(null, "../../etc/passwd")).toEqual({ state: "invalid" });
  });

  it("without SMTP, keeps mail in the centre's outbox for its admin only", async () => {
    const outbox = await centreOutbox(admin);
    expect(outbox.some((m) => m.to === "dana.price@provider.example")).toBe(true);
    await expect(centreOutbox(elsewhereAdmin)).resolves.toEqual([]);
    await expect(centreOutbox(learner)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is requested only by the learner or their assessor", async () => {
    for (const who of [learner2, iqa, admin, verifier, elsewhereAdmin])
      await expect(requestWitnessTestimony(who, evidenceId, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestWitnessTestimony(learner, evidenceId, { ...request, witnessEmail: "not-an-email" })).rejects.toThrow(/email address/);
  });

  it("is answered only by someone who is not signed in: staff of the centre, and anyone else signed in, are refused", async () => {
    await requestWitnessTestimony(assessor, evidenceId, request);
    const token = tokenOf(
      must(
        (await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0],
        '(await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]',
      ).text,
    );
    for (const actor of [admin, assessor, learner, iqa, elsewhereAdmin]) {
      expect(await witnessView(actor, token)).toEqual({ state: "signed-in" });
      await expect(respondToWitnessRequest(actor, token, { outcome: "CONFIRMED", confirmedName: "Dana Price" }, null)).rejects.toThrow(/only for the witness/);
    }
    expect((await db.witnessRequest.findFirstOrThrow({ where: { evidenceId }, orderBy: { createdAt: "desc" } })).respondedAt).toBeNull();
    expect(await witnessView(null, token)).toMatchObject({ state: "open" });
    await respondToWitnessRequest(null, token, { outcome: "DECLINED", confirmedName: "Dana Price" }, null);
  });

  describe("in production", () => {
    afterAll(() => vi.unstubAllEnvs());
    it("refuses a witness request without SMTP_URL, so no live link lands in an outbox staff can read", async () => {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("ATTEST_DEMO", undefined);
      vi.stubEnv("SMTP_URL", undefined);
      const requests = await db.witnessRequest.count();
      const outbox = await db.outboxEmail.count();
      const attempt = requestWitnessTestimony(learner, evidenceId, request);
      await expect(attempt).rejects.toBeInstanceOf(UserFacingError);
      await expect(attempt).rejects.toThrow(/no mail server is configured \(SMTP_URL\)/);
      expect(await db.witnessRequest.count()).toBe(requests);
      expect(await db.outboxEmail.count()).toBe(outbox);
    });
    it("keeps the outbox for a demo run (ATTEST_DEMO=1)", async () => {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("ATTEST_DEMO", "1");
      vi.stubEnv("SMTP_URL", undefined);
      const outbox = await db.outboxEmail.count();
      await requestWitnessTestimony(learner, evidenceId, request);
      expect(await db.outboxEmail.count()).toBe(outbox + 1);
    });
  });
});
