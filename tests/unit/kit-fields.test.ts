import { type ReactElement, createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormStateContext } from "@/ui/field-error";
import { CheckboxGroup, Choice, DateField, Disclosure, Facts, Fieldset, FileField, Notice, RadioGroup, SelectField, TextField } from "@/ui/kit";

// The kit's fields rendered as the server sends them: each one's label or legend, hint and message
// must be tied to its control (aria-describedby, the message first) and a refused control marked
// aria-invalid, or a screen reader user hears the control without them.

const render = (element: ReactElement) => renderToStaticMarkup(element);

/** The attributes of the element with this id. */
function attrsOf(html: string, id: string): Record<string, string> {
  const tag = [...html.matchAll(/<([a-z]+)\b([^>]*)>/g)].find((m) => new RegExp(`\\sid="${id}"`).test(m[2] ?? ""));
  expect(tag, `an element with id ${id}`).toBeTruthy();
  return Object.fromEntries([...(tag?.[2] ?? "").matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The text inside the element with this id (tags stripped). */
function textOf(html: string, id: string): string {
  const start = html.search(new RegExp(`<[a-z]+\\b[^>]*\\sid="${id}"`));
  expect(start, `an element with id ${id}`).toBeGreaterThanOrEqual(0);
  const tag = /^<([a-z]+)/.exec(html.slice(start))?.[1] ?? "";
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end).replace(/<[^>]+>/g, "");
}

const describedBy = (html: string, id: string) => (attrsOf(html, id)["aria-describedby"] ?? "").split(" ").filter(Boolean);
const labelFor = (html: string, id: string) => new RegExp(`<label[^>]*for="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
const legendOf = (html: string) => /<legend[^>]*>([^<]*)</.exec(html)?.[1];

/** Renders inside an ActionForm's state, as after the server refused the form with these messages. */
const refused = (element: ReactElement, fields: Record<string, string>) =>
  render(h(FormStateContext.Provider, { value: { state: { ok: false, fields }, formId: "f" } }, element));

describe("SelectField", () => {
  const options = [h("option", { key: "a", value: "a" }, "A"), h("option", { key: "b", value: "b" }, "B")];

  it("labels the select and describes it by its hint", () => {
    const html = render(h(SelectField, { name: "method", label: "Method", hint: "How it was produced", children: options }));
    expect(labelFor(html, "method")).toBe("Method");
    expect(describedBy(html, "method")).toEqual(["method-hint"]);
    expect(textOf(html, "method-hint")).toBe("How it was produced");
    expect(attrsOf(html, "method")["aria-invalid"]).toBeUndefined();
  });

  it("on an error, says it first and marks the select invalid", () => {
    const html = render(h(SelectField, { name: "method", label: "Method", hint: "How it was produced", error: "Choose a method", children: options }));
    expect(describedBy(html, "method")).toEqual(["method-error", "method-hint"]);
    expect(textOf(html, "method-error")).toBe("Error: Choose a method");
    expect(attrsOf(html, "method")["aria-invalid"]).toBe("true");
  });

  it("inside a refused ActionForm shows the server's message by its path", () => {
    const html = refused(h(SelectField, { id: "p0-method", errorName: "items.0.method", label: "Assessment method", children: options }), {
      "items.0.method": "Choose a method",
    });
    expect(textOf(html, "f-error-items-0-method")).toBe("Error: Choose a method");
    expect(attrsOf(html, "p0-method").name).toBeUndefined();
  });
});

describe("FileField", () => {
  it("labels the file picker, with its hint and error tied to it", () => {
    const ok = render(h(FileField, { id: "upload", label: "Choose files", hint: "PDF or images" }));
    expect(labelFor(ok, "upload")).toBe("Choose files");
    expect(attrsOf(ok, "upload").type).toBe("file");
    expect(describedBy(ok, "upload")).toEqual(["upload-hint"]);
    const bad = render(h(FileField, { id: "upload", label: "Choose files", hint: "PDF or images", error: "Choose a file" }));
    expect(describedBy(bad, "upload")).toEqual(["upload-error", "upload-hint"]);
    expect(attrsOf(bad, "upload")["aria-invalid"]).toBe("true");
  });
});

describe("Fieldset", () => {
  it("puts the question in the legend and describes the group by its hint and error", () => {
    const html = render(
      h(Fieldset, {
        id: "where",
        legend: "Where is it kept?",
        hint: "Say where and who holds it",
        error: "Say where it is",
        children: h("input", { id: "x", name: "x" }),
      }),
    );
    expect(legendOf(html)).toBe("Where is it kept?");
    expect(describedBy(html, "where")).toEqual(["where-error", "where-hint"]);
    expect(textOf(html, "where-error")).toBe("Error: Say where it is");
  });

  it("hands each control the invalid mark when the group is refused", () => {
    const control = (group: { "aria-invalid"?: true }) => h("input", { id: "x", name: "x", ...group });
    expect(attrsOf(render(h(Fieldset, { id: "g", legend: "Q", error: "Answer it", children: control })), "x")["aria-invalid"]).toBe("true");
    expect(attrsOf(render(h(Fieldset, { id: "g", legend: "Q", children: control })), "x")["aria-invalid"]).toBeUndefined();
    expect(attrsOf(render(h(Fieldset, { id: "g", legend: "Q", children: control })), "g")["aria-describedby"]).toBeUndefined();
  });
});

describe("Choice", () => {
  it("labels one checkbox and describes it by its own hint", () => {
    const html = render(h(Choice, { id: "workplace", name: "workplace", type: "checkbox", label: "From real work", hint: "Required for CPC 308" }));
    expect(labelFor(html, "workplace")).toBe("From real work");
    expect(describedBy(html, "workplace")).toEqual(["workplace-hint"]);
    expect(attrsOf(html, "workplace").type).toBe("checkbox");
  });

  it("on an error, says it first and marks the checkbox invalid", () => {
    const html = render(
      h(Choice, { id: "ownWork", name: "ownWork", type: "checkbox", label: "My own work", hint: "Tick to declare", error: "Declare that it is your own work" }),
    );
    expect(describedBy(html, "ownWork")).toEqual(["ownWork-error", "ownWork-hint"]);
    expect(attrsOf(html, "ownWork")["aria-invalid"]).toBe("true");
    expect(textOf(html, "ownWork-error")).toBe("Error: Declare that it is your own work");
  });
});

describe("RadioGroup", () => {
  const options = [
    { id: "confirm", value: "CONFIRMED", label: "I confirm" },
    { id: "decline", value: "DECLINED", label: "I cannot confirm", hint: "Say why to the person who asked" },
  ];

  it("is a fieldset with the question as legend, a radio per answer with its label and hint", () => {
    const html = render(h(RadioGroup, { id: "outcome", name: "outcome", legend: "Your answer", hint: "Choose one", options, defaultValue: "DECLINED" }));
    expect(html.startsWith("<fieldset")).toBe(true);
    expect(legendOf(html)).toBe("Your answer");
    expect(describedBy(html, "outcome")).toEqual(["outcome-hint"]);
    expect(labelFor(html, "confirm")).toBe("I confirm");
    expect(describedBy(html, "decline")).toEqual(["decline-hint"]);
    expect(attrsOf(html, "confirm")).toMatchObject({ type: "radio", name: "outcome", value: "CONFIRMED" });
    expect(attrsOf(html, "decline").checked).toBe("");
    expect(attrsOf(html, "confirm").checked).toBeUndefined();
  });

  it("on an error, describes the group by it first and marks every radio invalid", () => {
    const html = render(h(RadioGroup, { id: "outcome", name: "outcome", legend: "Your answer", hint: "Choose one", error: "Choose an answer", options }));
    expect(describedBy(html, "outcome")).toEqual(["outcome-error", "outcome-hint"]);
    expect(attrsOf(html, "confirm")["aria-invalid"]).toBe("true");
    expect(attrsOf(html, "decline")["aria-invalid"]).toBe("true");
  });

  it("inside a refused ActionForm shows the server's message for its name in the group", () => {
    const html = refused(h(RadioGroup, { id: "outcome", name: "outcome", legend: "Your answer", options }), { outcome: "Choose an answer" });
    expect(textOf(html, "f-error-outcome")).toBe("Error: Choose an answer");
    expect(html.indexOf("f-error-outcome")).toBeLessThan(html.indexOf('id="confirm"'));
  });
});

describe("CheckboxGroup", () => {
  const options = [
    { value: "o1", label: "Residential" },
    { value: "o2", label: "Day care" },
  ];

  it("is a fieldset with the question as legend and a labelled checkbox per option, the chosen ones ticked", () => {
    const html = render(
      h(CheckboxGroup, { id: "scope", name: "scopeOption", legend: "Settings", hint: "Tick all that apply", options, defaultValues: ["o2"] }),
    );
    expect(legendOf(html)).toBe("Settings");
    expect(describedBy(html, "scope")).toEqual(["scope-hint"]);
    expect(labelFor(html, "scope-o1")).toBe("Residential");
    expect(attrsOf(html, "scope-o2")).toMatchObject({ type: "checkbox", name: "scopeOption", value: "o2", checked: "" });
    expect(attrsOf(html, "scope-o1").checked).toBeUndefined();
  });

  it("on an error, describes the group by it first and marks every checkbox invalid", () => {
    const html = render(
      h(CheckboxGroup, { id: "scope", name: "scopeOption", legend: "Settings", hint: "Tick all that apply", error: "Tick at least one", options }),
    );
    expect(describedBy(html, "scope")).toEqual(["scope-error", "scope-hint"]);
    expect(attrsOf(html, "scope-o1")["aria-invalid"]).toBe("true");
  });

  it("leaves the message out when the form shows it elsewhere (errorName null)", () => {
    const html = refused(h(CheckboxGroup, { id: "scope", name: "scopeOption", errorName: null, legend: "Settings", options }), {
      scopeOption: "Choose a scope option",
    });
    expect(html).not.toContain("Choose a scope option");
  });
});

describe("DateField", () => {
  it("is a group named by its legend, described by its hint, with a labelled box for each part", () => {
    const html = render(h(DateField, { id: "activityFrom", name: "activityFrom", legend: "When", defaultValue: "2026-03-27" }));
    expect(legendOf(html)).toBe("When");
    expect(describedBy(html, "activityFrom")).toEqual(["activityFrom-hint"]);
    expect(labelFor(html, "activityFrom-day")).toBe("Day");
    expect(attrsOf(html, "activityFrom-year")).toMatchObject({ name: "activityFrom-year", value: "2026" });
    // The server's message links to the Day box.
    expect(attrsOf(html, "activityFrom-day")["data-field"]).toBe("activityFrom");
  });
});

describe("TextField (unchanged API)", () => {
  it("still labels its input and ties hint and error to it", () => {
    const html = render(h(TextField, { name: "title", label: "Title", hint: "A few words", error: "Enter a title" }));
    expect(labelFor(html, "title")).toBe("Title");
    expect(describedBy(html, "title")).toEqual(["title-error", "title-hint"]);
    expect(attrsOf(html, "title")["aria-invalid"]).toBe("true");
  });

  it("keeps a description the page gives it, after its own", () => {
    const html = render(h(TextField, { name: "title", label: "Title", hint: "A few words", "aria-describedby": "elsewhere" }));
    expect(describedBy(html, "title")).toEqual(["title-hint", "elsewhere"]);
  });
});

describe("Notice, Disclosure and Facts", () => {
  it("a success notice can be a status message; it is set apart by more than colour (a bar and words)", () => {
    const html = render(h(Notice, { tone: "success", role: "status", children: "Draft saved." }));
    expect(html).toMatch(/^<p role="status" class="[^"]*border-l-\[6px\][^"]*">Draft saved\.<\/p>$/);
  });

  it("a disclosure is a details element whose summary says what it holds", () => {
    expect(render(h(Disclosure, { summary: "Edit the details", children: h("p", null, "x") }))).toMatch(
      /^<details[^>]*><summary>Edit the details<\/summary><p>x<\/p><\/details>$/,
    );
  });

  it("facts stack under each other below the md width", () => {
    const html = render(h(Facts, null, h("dt", null, "Method"), h("dd", null, "Observation")));
    expect(html).toMatch(/^<dl class="[^"]*md:grid-cols-/);
    expect(html).toContain("<dt>Method</dt><dd>Observation</dd>");
  });
});
