import { describe, expect, it } from "vitest";
import { dueBucket } from "@/lib/quality/due";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("an IQA action's due bucket", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("is overdue before today, due today on today, within a week up to 7 days on, later after", () => {
    expect(dueBucket(day("2026-12-01"), now)).toBe("overdue");
    expect(dueBucket(day("2026-12-02"), now)).toBe("today");
    expect(dueBucket(day("2026-12-03"), now)).toBe("week");
    expect(dueBucket(day("2026-12-09"), now)).toBe("week");
    expect(dueBucket(day("2026-12-10"), now)).toBe("later");
  });
  it("counts days as they are in the UK: 00:30 BST on 1 July is already 1 July", () => {
    const justAfterMidnight = new Date("2026-06-30T23:30:00Z");
    expect(dueBucket(day("2026-07-01"), justAfterMidnight)).toBe("today");
    expect(dueBucket(day("2026-06-30"), justAfterMidnight)).toBe("overdue");
  });
});
