import { describe, expect, it } from "vitest";
import { missedTargets } from "../../bench/targets";

const nothingMeasured = {
  pages: [],
  traffic: [],
  writes: [],
  upload: { bytes: 0, uploadSeconds: 0, copySeconds: 0, ratioToCp: 1, memoryGrowthMiB: 0 },
  startSeconds: null,
};

describe("the benchmark's targets", () => {
  it("judge the learner import's preview of 2,000 rows against 5 s, in a full run only", () => {
    expect(missedTargets({ ...nothingMeasured, importPreview: { rows: 2000, seconds: 1.4 } }, true)).toEqual([]);
    expect(missedTargets({ ...nothingMeasured, importPreview: { rows: 2000, seconds: 5.2 } }, true)).toEqual([
      "learner import preview of 2000 rows: 5.2 s (target < 5 s)",
    ]);
    expect(missedTargets({ ...nothingMeasured, importPreview: { rows: 2000, seconds: 5.2 } }, false)).toEqual([]);
  });
});
