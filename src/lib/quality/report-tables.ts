// A quality report's model and its tables, shared by its page, its CSVs and its PDF
// (src/server/quality/report.ts builds it).

export type ReportItem = {
  learner: string;
  unit: string;
  assessor: string;
  stage: "Interim" | "Summative";
  method: string;
  reasons: string;
  review: string;
  outcome: string;
};
export type ReportVerdict = {
  learner: string;
  unit: string;
  criterion: string;
  assessor: string;
  decision: string;
  verdict: "Agreed" | "Disagreed";
  feedback: string;
  signed: string;
};
export type ReportAction = { title: string; assessor: string; raised: string; due: string; status: string; note: string };
export type ReportAssessor = {
  assessor: string;
  units: string;
  methods: string;
  interim: number;
  summative: number;
  agreed: number;
  disagreed: number;
  openActions: number;
};
export type QualityReport = {
  title: string;
  fileName: string;
  facts: [string, string][];
  items: ReportItem[];
  assessors: ReportAssessor[];
  verdicts: ReportVerdict[];
  actions: ReportAction[];
};

export const reportTables = {
  items: {
    title: "Sampled items",
    head: ["Learner", "Unit", "Assessor", "Stage", "Method", "Why it is in the sample", "Review", "Outcome"],
    rows: (r: QualityReport) => r.items.map((i) => [i.learner, i.unit, i.assessor, i.stage, i.method, i.reasons, i.review, i.outcome]),
    widths: [2, 1.3, 2, 1.5, 1.5, 4, 2, 2],
  },
  assessors: {
    title: "Coverage by assessor",
    head: ["Assessor", "Units sampled", "Methods chosen", "Interim", "Summative", "Agreed", "Disagreed", "Actions open"],
    rows: (r: QualityReport) =>
      r.assessors.map((a) => [
        a.assessor,
        a.units,
        a.methods,
        String(a.interim),
        String(a.summative),
        String(a.agreed),
        String(a.disagreed),
        String(a.openActions),
      ]),
    widths: [2, 2, 3, 1.3, 1.6, 1.3, 1.6, 1.5],
  },
  verdicts: {
    title: "IQA verdicts",
    head: ["Learner", "Unit", "Criterion", "Assessor", "Assessor's decision", "IQA verdict", "Feedback", "Signed"],
    rows: (r: QualityReport) => r.verdicts.map((v) => [v.learner, v.unit, v.criterion, v.assessor, v.decision, v.verdict, v.feedback, v.signed]),
    widths: [2, 1.3, 1.3, 2, 2, 1.6, 4, 2],
  },
  actions: {
    title: "Actions",
    head: ["Action", "Assessor", "Raised", "Due", "Status", "Closing note"],
    rows: (r: QualityReport) => r.actions.map((a) => [a.title, a.assessor, a.raised, a.due, a.status, a.note]),
    widths: [4, 2, 1.5, 1.5, 1.8, 3],
  },
} as const;
export type ReportTable = keyof typeof reportTables;
export const isReportTable = (v: unknown): v is ReportTable => typeof v === "string" && v in reportTables;
