import { describe, expect, it } from "vitest";
import { reviewScreen } from "@/server/assessment/review";
import { wav } from "@/server/demo/sample-files";
import { attachUpload } from "@/server/portfolio/files";
import { setMapping } from "@/server/portfolio/mapping";
import { listNotifications } from "@/server/notifications/notifications";
import { evidenceDetail } from "@/server/portfolio/queries";
import { createAssessorRecord, sendForCountersign, updateAssessorRecord } from "@/server/portfolio/records";
import { submitEvidence } from "@/server/portfolio/submission";
import { NotFoundError } from "@/server/policy";
import { received } from "../support/actors";
import * as build from "../support/builders";
import { freshDatabase } from "../support/db";
import { must } from "@/lib/must";

await freshDatabase();
const home = await build.centre();
const elsewhere = await build.centre();
const assessor = await build.user({ centre: home, roles: ["ASSESSOR"], name: "Sam Okafor" });
const iqa = await build.user({ centre: home, roles: ["IQA"] });
const learner = await build.user({ centre: home, roles: ["LEARNER"], name: "Taylor Evans" });
const cpc = await build.enrolment({ learner, assessor, iqa, unit: "CPC308" });
const [a6, a7] = await build.criteria(cpc, ["A6", "A7"]);
const learner2 = await build.user({ centre: home, roles: ["LEARNER"] });
await build.enrolment({ learner: learner2, assessor, iqa, unit: "CPC308" });
const outsiders = [
  learner2,
  iqa,
  await build.user({ centre: home, roles: ["CENTRE_ADMIN"] }),
  await build.user({ centre: home, roles: ["EXTERNAL_VERIFIER"] }),
  await build.user({ centre: elsewhere, roles: ["CENTRE_ADMIN"] }),
];

const observation = {
  title: "Observation: budget meeting",
  activityFrom: "2026-11-03",
  record: {
    kind: "OBSERVATION",
    place: "Council offices, room 2",
    observed: "Taylor presenting the Q3 resource plan",
    narrative: "Taylor set out the risks and took questions from the finance lead.",
  },
};

describe("records the assessor writes, countersigned by the learner", () => {
  it("an observation: written and mapped by the assessor, sent, then countersigned by the learner", async () => {
    const { id } = await createAssessorRecord(assessor, learner.userId, observation);
    await expect(setMapping(learner, id, { links: [], scopeOptionIds: [] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendForCountersign(assessor, id)).rejects.toThrow(/Map the record/);
    await setMapping(assessor, id, { links: [{ criterionId: must(a6, "a6").id, note: "Set out the risks of the plan." }], scopeOptionIds: [] });
    await expect(submitEvidence(learner, id, { ownWork: true, workplace: true, typedName: "Taylor Evans" })).rejects.toThrow(/not sent this record/);
    await updateAssessorRecord(assessor, id, {
      ...observation,
      record: { ...observation.record, narrative: "Taylor set out the risks, costed them and took questions from the finance lead." },
    });
    await expect(updateAssessorRecord(learner, id, observation)).rejects.toBeInstanceOf(NotFoundError);
    await sendForCountersign(assessor, id);
    expect(
      (await listNotifications(learner)).some((n) => n.message === "Sam Okafor asks you to countersign the observation “Observation: budget meeting”."),
    ).toBe(true);
    await expect(submitEvidence(learner, id, { ownWork: true, workplace: true, typedName: "Someone Else" })).rejects.toThrow(/full name/);
    await expect(submitEvidence(assessor, id, { ownWork: true, workplace: true, typedName: "Sam Okafor" })).rejects.toBeInstanceOf(NotFoundError);
    await submitEvidence(learner, id, { ownWork: true, workplace: true, typedName: "Taylor Evans" });
    const detail = await evidenceDetail(assessor, id);
    expect(detail.latest).toMatchObject({ countersignName: "Taylor Evans", method: "OBSERVATION" });
    expect(detail.latest.account).toContain("Council offices, room 2");
    expect(detail.latest.account).toContain("costed them");
    await expect(updateAssessorRecord(assessor, id, observation)).rejects.toThrow(/countersigned and cannot change/);
    expect(detail.evidence.authorId).toBe(assessor.userId);
    expect((await listNotifications(assessor)).some((n) => n.message === "Taylor Evans countersigned “Observation: budget meeting”.")).toBe(true);
  });

  it("a professional discussion needs its recording, and each criterion its time in it, playable from there", async () => {
    const { id } = await createAssessorRecord(assessor, learner.userId, {
      title: "Discussion: presenting plans",
      activityFrom: "2026-11-05",
      record: { kind: "PROFESSIONAL_DISCUSSION", topics: "Accessible plans", summary: "We discussed how Taylor makes plans accessible." },
    });
    await setMapping(assessor, id, {
      links: [{ criterionId: must(a7, "a7").id, note: "Large print and plain English versions.", atSeconds: 75 }],
      scopeOptionIds: [],
    });
    await sendForCountersign(assessor, id);
    await expect(submitEvidence(learner, id, { ownWork: true, workplace: true, typedName: "Taylor Evans" })).rejects.toThrow(/needs its recording/);
    await attachUpload(assessor, id, await received(wav(1)), "discussion.wav");
    await submitEvidence(learner, id, { ownWork: true, workplace: true, typedName: "Taylor Evans" });
    const row = must(
      (await reviewScreen(assessor, cpc.id)).sections.flatMap((s) => s.criteria).find((c) => c.code === "A7"),
      '(await reviewScreen(assessor, cpc.id)).sections.flatMap((s) => s.criteria).find((c) => c.code === "A7")',
    );
    // The mapping's note is the assessor's here, and the review screen says so.
    expect(row.evidence[0]).toMatchObject({ at: { seconds: 75, words: "1:15" }, title: "Discussion: presenting plans", notedBy: "assessor" });
    expect(must(must(row.evidence[0], "row.evidence[0]").files[0], 'must(row.evidence[0], "row.evidence[0]").files[0]').mediaType).toBe("audio/wav");
  });

  it("questioning records need each question answered; only the learner's assessor writes records", async () => {
    await expect(
      createAssessorRecord(assessor, learner.userId, { title: "Q", activityFrom: "2026-11-05", record: { kind: "QUESTIONING", mode: "ORAL", items: [] } }),
    ).rejects.toThrow(/at least one question/);
    await createAssessorRecord(assessor, learner.userId, {
      title: "Q",
      activityFrom: "2026-11-05",
      record: { kind: "QUESTIONING", mode: "WRITTEN", items: [{ question: "How do you check eligibility?", answer: "Against the criteria in the policy." }] },
    });
    for (const who of outsiders) await expect(createAssessorRecord(who, learner.userId, observation)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAssessorRecord(learner, learner.userId, observation)).rejects.toBeInstanceOf(NotFoundError);
  });
});
