import type { EvidenceInput } from "@/lib/portfolio/schemas";
import { loadActor } from "@/server/auth/actor";
import { type Db, withDb } from "@/server/db/client";
import { addComment } from "@/server/portfolio/comments";
import { addItem, agreePlan } from "./factories";
import { pdf, png, wav } from "./sample-files";
import { must } from "@/lib/must";

type Item = {
  input: Omit<EvidenceInput, "confidential" | "activityTo" | "location" | "holder" | "relevance"> & Partial<EvidenceInput>;
  files?: [string, Buffer][];
  criteria: [unit: string, code: string, note: string][];
  scope?: [category: string, option: string][];
  submit: boolean;
};

const jordan: Item[] = [
  {
    input: {
      title: "Monthly resource report to the commissioning board",
      account:
        "I compiled the June report on staff hours, agency spend and equipment use, showed the trend against the plan and presented it to the commissioning board with two recommendations.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-06-18",
      kind: "FILES",
    },
    files: [["resource-report-june.pdf", pdf("Resource report June 2026 - staff hours, agency spend, equipment")]],
    criteria: [
      ["CPC308", "A1", "The report gave the board accurate figures on staff hours and spend."],
      ["CPC308", "A2", "Section 3 identifies the rise in agency hours and suggests action."],
      ["AG26", "1.2", "The report sets out our aims and resources for the service."],
    ],
    scope: [
      ["resources", "financial"],
      ["resources", "human"],
      ["people", "colleagues"],
      ["provide-information", "written (electronic or paper)"],
    ],
    submit: true,
  },
  {
    input: {
      title: "Photo of the rota planning board",
      account: "Photograph of the weekly rota board I redesigned so that team leaders can see planned and actual hours side by side.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-08-04",
      kind: "FILES",
    },
    files: [["rota-board.png", png(120, 80, [29, 107, 47])]],
    criteria: [
      ["CPC308", "B1", "The board shows hours used against the agreed plan."],
      ["CPC308", "B6", "Team leaders sign the board, so each knows their part."],
    ],
    scope: [
      ["resources", "time"],
      ["records", "manual system"],
    ],
    submit: true,
  },
  {
    input: {
      title: "Voice note: reflecting on the provider negotiation",
      account: "A recorded reflection after renegotiating the home care contract, on what worked and what I would do differently.",
      method: "REFLECTIVE_ACCOUNT",
      activityFrom: "2026-10-02",
      kind: "FILES",
    },
    files: [["reflection.wav", wav(2, 330)]],
    criteria: [
      ["AG26", "2.3", "I describe how I kept in touch with the provider during the talks."],
      ["CPC308", "C7", "I reflect on my own part and what I will develop."],
    ],
    submit: true,
  },
  {
    input: {
      title: "Contract monitoring spreadsheets",
      account: "The quarterly monitoring workbooks I maintain for the three domiciliary care contracts.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-09-30",
      kind: "IN_PLACE",
      location: "Commissioning shared drive, Contracts/Monitoring/2026",
      holder: "Contracts and monitoring team",
      confidential: true,
      relevance: "They show the criteria I set for measuring the contracts and the evidence gathered from the monitoring team each quarter.",
    },
    criteria: [
      ["CPC308", "C4", "The workbooks record what the monitoring team reported each quarter."],
      ["AG26", "3.1", "The criteria tab is the monitoring framework I put in place."],
    ],
    scope: [
      ["records", "electronic system"],
      ["records", "confidential"],
    ],
    submit: true,
  },
  {
    input: {
      title: "Service agreement file: home care contract",
      account:
        "The file for the home care service agreement I negotiated this year: the parties and their aims, the negotiation record, the approvals, the monitoring criteria and the renegotiation of the hours clause.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-09-15",
      kind: "FILES",
    },
    files: [["service-agreement-file.pdf", pdf("Home care service agreement - negotiation, approvals and monitoring file")]],
    criteria: [
      ["AG26", "1.1", "Section 1 lists the providers and the council teams we had to reach agreement with."],
      ["AG26", "1.2", "Section 2 sets out each party's aims, policies, resources and procedures."],
      ["AG26", "1.3", "The proposal letter introduces and promotes the agreement."],
      ["AG26", "2.1", "The roles table agreed with the provider."],
      ["AG26", "2.2", "The negotiation record of the three meetings."],
      ["AG26", "2.3", "Emails with the provider between meetings."],
      ["AG26", "2.4", "The signed approvals from finance and legal."],
      ["AG26", "3.1", "The monitoring criteria schedule."],
      ["AG26", "3.2", "The support plan agreed for the provider's new staff."],
      ["AG26", "3.3", "The renegotiated hours clause."],
    ],
    submit: true,
  },
  {
    input: {
      title: "Notes from the supplier meeting",
      account: "Draft notes from the equipment supplier meeting; still to add the actions.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-11-10",
      kind: "FILES",
    },
    files: [["supplier-notes.pdf", pdf("Supplier meeting notes - draft")]],
    criteria: [["CPC308", "B3", "I suggested a cheaper maintenance schedule."]],
    submit: false,
  },
];

const casey: Item[] = [
  {
    input: {
      title: "Budget variance email to my manager",
      account: "Email flagging the overspend on transport and the action I proposed.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-07-22",
      kind: "FILES",
    },
    files: [["variance-email.pdf", pdf("Transport budget variance - proposed action")]],
    criteria: [["CPC308", "B5", "I acted within a day of seeing the variance."]],
    scope: [
      ["resources", "financial"],
      ["people", "line manager"],
    ],
    submit: true,
  },
  {
    input: {
      title: "Feedback survey for families",
      account: "The short survey I sent to families about the respite service.",
      method: "WORK_PRODUCT",
      activityFrom: "2026-09-12",
      kind: "FILES",
    },
    files: [["family-survey.pdf", pdf("Respite service - family feedback survey")]],
    criteria: [["CPC308", "C3", "Families were asked whether the service meets their outcomes."]],
    submit: true,
  },
  {
    input: { title: "Equipment log (draft)", account: "Started logging equipment loans.", method: "WORK_PRODUCT", activityFrom: "2026-11-02", kind: "FILES" },
    criteria: [],
    submit: false,
  },
];

async function demoActor(db: Db, userId: string) {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`The demo user ${userId} cannot act: missing or disabled`);
  return actor;
}

async function agreeDemoPlan(db: Db, learnerId: string, assessorId: string, unit: string, codes: string[]) {
  const enrolment = await db.enrolment.findFirstOrThrow({ where: { learnerId, unit: { code: unit } } });
  const criteria = await db.criterion.findMany({ where: { unitId: enrolment.unitId, code: { in: codes } } });
  await agreePlan(await demoActor(db, learnerId), await demoActor(db, assessorId), enrolment.id, [
    {
      criterionIds: criteria.slice(0, 3).map((c) => c.id),
      method: "OBSERVATION",
      task: "Observe a negotiation meeting with a provider",
      targetDate: "2026-12-15",
    },
    {
      criterionIds: criteria.slice(3).map((c) => c.id),
      method: "WORK_PRODUCT",
      task: "Monitoring reports and the agreement records",
      targetDate: "2027-01-31",
    },
  ]);
}

async function addItems(db: Db, learnerId: string, items: Item[]) {
  const actor = await demoActor(db, learnerId);
  const ids: string[] = [];
  for (const item of items) {
    const criteria = await db.criterion.findMany({
      where: { OR: item.criteria.map(([unit, code]) => ({ code, unit: { code: unit } })) },
      select: { id: true, code: true, unit: { select: { code: true } } },
    });
    const options = await db.scopeOption.findMany({
      where: { OR: (item.scope ?? []).map(([key, text]) => ({ text, category: { key } })) },
      select: { id: true },
    });
    ids.push(
      await addItem(actor, {
        input: { confidential: false, ...item.input },
        files: item.files ?? [],
        links: item.criteria.map(([unit, code, note]) => ({
          criterionId: must(
            criteria.find((c) => c.code === code && c.unit.code === unit),
            "criteria.find((c) => c.code === code && c.unit.code === unit)",
          ).id,
          note,
        })),
        scopeOptionIds: item.scope?.length ? options.map((o) => o.id) : [],
        submit: item.submit,
      }),
    );
  }
  return ids;
}

/** The demo learners' portfolios: made once, through the same functions the app uses. */
export function loadDemoPortfolio(db: Db, users: { learner: string; learner2: string; assessor: string }) {
  return withDb(db, () => loadPortfolios(db, users));
}

async function loadPortfolios(db: Db, users: { learner: string; learner2: string; assessor: string }) {
  if (await db.evidence.count({ where: { learnerId: { in: [users.learner, users.learner2] } } })) return;
  await agreeDemoPlan(db, users.learner, users.assessor, "AG26", ["1.1", "1.2", "1.3", "2.3", "3.1"]);
  const [report] = await addItems(db, users.learner, jordan);
  await addItems(db, users.learner2, casey);
  const assessor = await demoActor(db, users.assessor);
  await addComment(assessor, report, { body: "Good report. Could you add the board minutes that show your recommendations were discussed?" });
}
