import { describe, expect, it } from "vitest";
import { coverage } from "@/lib/quality/coverage";
import { type Candidate, type CandidateDecision, type DrawInput, drawSample } from "@/lib/quality/draw";
import { type AssessorRisk, DEFAULT_STRATEGY, type MethodName } from "@/lib/quality/strategy";

// The sample draw as a pure function (issue 12, point 2; decision 0038).

let n = 0;
const decision = (criterionCode: string, assessorId: string, methods: MethodName[] = ["WORK_PRODUCT"], sites: string[] = []): CandidateDecision => ({
  id: `d${++n}`,
  criterionId: `crit-${criterionCode}`,
  criterionCode,
  assessorId,
  decidedAt: new Date("2026-11-10T10:00:00Z"),
  methods,
  sites,
});

/** `learners` learners of one assessor, each on `units`; every other one signed off. */
function work(assessorId: string, assessorName: string, learners: number, units = ["AG26"], methods: MethodName[] = ["WORK_PRODUCT"]): Candidate[] {
  return Array.from({ length: learners }, (_, l) =>
    units.map((unitCode, u) => ({
      enrolmentId: `${assessorId}-l${l}-${unitCode}`,
      learnerId: `${assessorId}-learner${l}`,
      learnerName: `Learner ${l}`,
      assessorId,
      assessorName,
      unitCode,
      signedOff: (l + u) % 2 === 1,
      decisions: [decision(`${l % 3}.1`, assessorId, methods)],
    })),
  ).flat();
}

const risks = (entries: [string, AssessorRisk["overall"]][]) => new Map(entries.map(([id, overall]) => [id, { overall, byUnit: {}, byMethod: {} }]));
const input = (over: Partial<DrawInput>): DrawInput => ({
  candidates: [],
  strategy: DEFAULT_STRATEGY,
  risks: new Map(),
  earlier: { enrolmentIds: [], criterionIds: [], methods: [] },
  iqaId: "iqa",
  seed: 42,
  ...over,
});
const candidateOf = (cs: Candidate[], id: string) => cs.find((c) => c.enrolmentId === id) as Candidate;

describe("the sample draw", () => {
  it("an empty input draws an empty plan and covers nothing", () => {
    expect(drawSample(input({}))).toEqual([]);
    expect(coverage([], [], DEFAULT_STRATEGY, new Map())).toMatchObject({ cells: [], criteria: [], assessors: [] });
  });

  it("meets each assessor's learner and unit percentages at their risk level, rounding up", () => {
    const candidates = [...work("high", "Sam Okafor", 10, ["AG26", "CPC308"]), ...work("low", "Lee Low", 10), ...work("mid", "Mo Mid", 3)];
    const items = drawSample(
      input({
        candidates,
        risks: risks([
          ["high", "HIGH"],
          ["low", "LOW"],
        ]),
      }),
    );
    const of = (a: string) => items.map((i) => candidateOf(candidates, i.enrolmentId)).filter((c) => c.assessorId === a);
    // High: 50% of 10 learners = 5; 100% of 20 learner-units = 20.
    expect(new Set(of("high").map((c) => c.learnerId)).size).toBeGreaterThanOrEqual(5);
    expect(of("high")).toHaveLength(20);
    // Low: 10% of 10 = 1 learner, 10% of 10 units = 1.
    expect(of("low").length).toBeGreaterThanOrEqual(1);
    // Unrated (medium): 25% of 3 learners rounds up to 1.
    expect(of("mid").length).toBeGreaterThanOrEqual(1);
    const reasons = items.flatMap((i) => i.reasons);
    expect(reasons).toContain("Sam Okafor is rated high risk: 50% of learners");
    expect(reasons).toContain("Sam Okafor is rated high risk: 100% of units");
    expect(reasons).toContain("Lee Low is rated low risk: 10% of learners");
    expect(reasons).toContain("Mo Mid is rated medium risk: 25% of learners");
    const cov = coverage(
      items,
      candidates,
      DEFAULT_STRATEGY,
      risks([
        ["high", "HIGH"],
        ["low", "LOW"],
      ]),
      "iqa",
    );
    expect(cov.assessors.every((a) => !a.below)).toBe(true);
    expect(cov.assessors.find((a) => a.assessorId === "high")?.units).toMatchObject({ total: 20, planned: 20, requiredPercent: 100 });
  });

  it("a unit rated higher than the assessor overall raises that unit's share", () => {
    const candidates = work("a", "Ana", 4, ["AG26", "CPC308"]);
    const byUnit = new Map([["a", { overall: "LOW" as const, byUnit: { CPC308: "HIGH" as const }, byMethod: {} }]]);
    const items = drawSample(input({ candidates, risks: byUnit }));
    // 10% of 4 AG26 + 100% of 4 CPC308 = 4.4, rounded up: 5 learner-units.
    expect(items.length).toBeGreaterThanOrEqual(5);
  });

  it("splits interim and summative per the strategy as far as the candidates allow", () => {
    const candidates = work("a", "Ana", 8, ["AG26"]);
    const items = drawSample(input({ candidates, risks: risks([["a", "HIGH"]]) }));
    const interim = items.filter((i) => i.stage === "INTERIM").length;
    expect(items.length).toBe(8);
    expect(interim).toBe(4);
    for (const i of items) expect(i.stage).toBe(candidateOf(candidates, i.enrolmentId).signedOff ? "SUMMATIVE" : "INTERIM");
    // All summative asked for, but only in-progress work: the plan is interim as far as it can be.
    const inProgress = candidates.map((c) => ({ ...c, signedOff: false }));
    const onlyInterim = drawSample(input({ candidates: inProgress, strategy: { ...DEFAULT_STRATEGY, interimPercent: 0 }, risks: risks([["a", "HIGH"]]) }));
    expect(onlyInterim.every((i) => i.stage === "INTERIM")).toBe(true);
  });

  it("is deterministic for a seed; another seed may draw another plan", () => {
    const candidates = work("a", "Ana", 30, ["AG26", "CPC308"]);
    const one = drawSample(input({ candidates, seed: 7 }));
    expect(drawSample(input({ candidates, seed: 7 }))).toEqual(one);
    const others = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(drawSample(input({ candidates, seed }))));
    expect(others.some((o) => o !== JSON.stringify(one))).toBe(true);
  });

  it("never samples the IQA's own work: not enrolments they assess, nor decisions they made", () => {
    const mine = work("iqa", "Priya Shah", 5);
    const other = work("a", "Ana", 2).map((c) => ({ ...c, decisions: [...c.decisions, decision("9.9", "iqa")] }));
    const items = drawSample(
      input({
        candidates: [...mine, ...other],
        risks: risks([
          ["iqa", "HIGH"],
          ["a", "HIGH"],
        ]),
      }),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => !i.enrolmentId.startsWith("iqa-"))).toBe(true);
    const cov = coverage(items, [...mine, ...other], DEFAULT_STRATEGY, new Map(), "iqa");
    expect(cov.assessors.map((a) => a.assessorId)).toEqual(["a"]);
    expect(cov.criteria.flatMap((c) => [...c.sampled, ...c.notSampled])).not.toContain("9.9");
  });

  it("fills the gaps: every unit, each method in the strategy, each site; new criteria preferred and said", () => {
    const base = work("a", "Ana", 20, ["AG26"]);
    const observed: Candidate = {
      ...(base[19] as Candidate),
      enrolmentId: "observed",
      learnerId: "obs-learner",
      unitCode: "CPC308",
      decisions: [decision("2.3", "a", ["OBSERVATION"], ["Northgate workshop"])],
    };
    const witnessed: Candidate = { ...observed, enrolmentId: "witnessed", unitCode: "AG26", decisions: [decision("1.1", "a", ["WITNESS_TESTIMONY"])] };
    const candidates = [...base, observed, witnessed];
    const items = drawSample(
      input({ candidates, risks: risks([["a", "LOW"]]), earlier: { enrolmentIds: [], criterionIds: ["crit-0.1", "crit-1.1"], methods: [] } }),
    );
    const byId = new Map(items.map((i) => [i.enrolmentId, i]));
    expect(byId.get("observed")?.reasons).toEqual(expect.arrayContaining(["Criterion 2.3 not sampled before"]));
    expect(byId.get("observed")?.reasons.join(" ")).toMatch(/Covers unit CPC308|Covers observation/);
    expect(byId.get("witnessed")?.reasons).toContain("Covers witness testimony, not yet sampled this period");
    expect(byId.get("witnessed")).toMatchObject({ method: "WITNESS_TESTIMONY", criterionIds: ["crit-1.1"] });
    const cov = coverage(items, candidates, DEFAULT_STRATEGY, risks([["a", "LOW"]]));
    const cpc = cov.cells.find((c) => c.unitCode === "CPC308");
    expect(cpc?.byMethod).toMatchObject({ OBSERVATION: "SAMPLED", WORK_PRODUCT: "NONE" });
    expect(cov.criteria.find((c) => c.unitCode === "CPC308")).toEqual({ unitCode: "CPC308", sampled: ["2.3"], notSampled: [] });
  });

  it("coverage flags an assessor whose plan is below their strategy", () => {
    const candidates = [...work("a", "Ana", 4), ...work("b", "Bo", 4)];
    const cov = coverage([{ enrolmentId: "a-l0-AG26", stage: "INTERIM", criterionIds: [] }], candidates, DEFAULT_STRATEGY, risks([["b", "HIGH"]]));
    expect(cov.assessors.map((a) => [a.assessorName, a.below])).toEqual([
      ["Ana", false],
      ["Bo", true],
    ]);
    expect(cov.assessors[1]?.learners).toMatchObject({ total: 4, planned: 0, required: 2, requiredPercent: 50 });
    expect(cov.cells.find((c) => c.assessorId === "b")?.byMethod.WORK_PRODUCT).toBe("NOT_SAMPLED");
  });
});
