import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MetChart } from "@/ui/progress/met-chart";

const render = (points: { day: string; met: number }[], total: number) => renderToStaticMarkup(createElement(MetChart, { id: "c", points, total }));
const svgOf = (html: string) => html.slice(html.indexOf("<svg"), html.indexOf("</svg>") + 6);

describe("the criteria-met chart", () => {
  const series = [
    { day: "2026-06-18", met: 1 },
    { day: "2026-07-02", met: 3 },
    { day: "2026-10-02", met: 2 },
  ];

  it("is an image named by its title and description, which say what it shows", () => {
    const svg = svgOf(render(series, 10));
    expect(svg).toMatch(/<svg[^>]* role="img"[^>]* aria-labelledby="c-title c-desc"/);
    expect(svg).toContain('<title id="c-title">Criteria met over time</title>');
    expect(svg).toContain('<desc id="c-desc">2 of 10 criteria met by 2 October 2026, from 1 on 18 June 2026, over 3 days on which the count changed.</desc>');
  });

  it("draws a point per day of the series, and a step line through them from the first day to the last", () => {
    const svg = svgOf(render(series, 10));
    const points = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(points).toHaveLength(3);
    // Left to right in time; higher up (a smaller y) for more criteria met.
    const [a, b, c] = points as [readonly [number, number], readonly [number, number], readonly [number, number]];
    expect(a[0]).toBeLessThan(b[0]);
    expect(b[0]).toBeLessThan(c[0]);
    expect(b[1]).toBeLessThan(c[1]);
    expect(c[1]).toBeLessThan(a[1]);
    const d = /<path d="([^"]+)"/.exec(svg)?.[1];
    expect(d).toBe(`M${a[0]},${a[1]}H${b[0]}V${b[1]}H${c[0]}V${c[1]}`);
    expect(svg).toContain(">18 June 2026</text>");
    expect(svg).toContain(">2 October 2026</text>");
  });

  it("puts the same numbers in a table with a caption beside it", () => {
    const html = render(series, 10);
    expect(html).toContain("<caption>Criteria met over time, as a table</caption>");
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td>(\d+) of (\d+)<\/td><\/tr>/g)].map((m) => `${m[1]}: ${m[2]} of ${m[3]}`);
    expect(rows).toEqual(["18 June 2026: 1 of 10", "2 July 2026: 3 of 10", "2 October 2026: 2 of 10"]);
  });

  it("with one day, centres its one point and names the day once", () => {
    const svg = svgOf(render([{ day: "2026-06-18", met: 4 }], 8));
    expect(svg).toContain('<desc id="c-desc">4 of 8 criteria met on 18 June 2026.</desc>');
    expect([...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([(44 + 460) / 2]);
  });

  it("says so in words, and draws nothing, before any criterion is met", () => {
    const html = render([], 10);
    expect(html).not.toContain("<svg");
    expect(html).toContain("No criterion has been met yet");
  });
});
