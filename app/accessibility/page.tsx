import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Accessibility statement" };

// Public: someone deciding whether they can use Attest may read it before they have an account.
// Keep "Known problems" honest and current: remove an item only when the tests show it fixed.
export default function AccessibilityPage() {
  return (
    <>
      <h1>Accessibility statement</h1>
      <p className="lead">
        Attest should be usable by everyone who keeps or assesses a portfolio: with a keyboard, a screen reader, magnification, voice control, or on a small
        phone screen.
      </p>

      <h2>The standard we aim for</h2>
      <p>
        Attest aims to meet the{" "}
        <a href="https://www.w3.org/TR/WCAG22/" rel="external">
          Web Content Accessibility Guidelines (WCAG) 2.2
        </a>{" "}
        at level AA. It partly meets them: the problems we know of are listed below.
      </p>

      <h2>How we test it</h2>
      <ul>
        <li>
          The automated end-to-end tests check the pages they visit with axe, against the WCAG 2.0, 2.1 and 2.2 A and AA rules, and fail on any violation.
        </li>
        <li>
          The tests use the keyboard as people do: the review screen&apos;s shortcuts, sending forms with Enter, and focus moving to the list of problems when a
          form is refused, each problem linking to its field.
        </li>
        <li>Pages are checked at 320 pixels wide (a small phone, or a desktop at 400% zoom) as well as at desktop width, for scrolling sideways.</li>
        <li>Each form keeps everything typed when it is refused, and shows each message beside its field.</li>
        <li>Dates are typed as separate day, month and year boxes, so they do not depend on the browser&apos;s language or a date picker.</li>
      </ul>
      <p>
        We have not yet tested Attest with disabled people, or page by page with screen readers (JAWS, NVDA, VoiceOver) and speech recognition software. We plan
        to.
      </p>

      <h2>Known problems</h2>
      <ul>
        <li>
          At 320 pixels wide some pages, including the home pages, the evidence library, progress and the caseload, are wider than the screen, so you have to
          scroll sideways (WCAG 1.4.10 Reflow). We are fixing this.
        </li>
        <li>
          Progress is shown as text and tables. Charts and dashboards are being added; each will have a title, a description and the same figures as a table.
        </li>
        <li>The review screen for a whole unit is very long and hard to move around with a keyboard or screen reader. A section navigator is being added.</li>
        <li>
          Files that learners and assessors upload, such as PDFs, photographs and recordings, are not checked: they may have no text alternative, captions or
          transcript (WCAG 1.1.1, 1.2.1 and 1.2.2). A centre can ask for a transcript of a recording.
        </li>
      </ul>

      <h2>If something does not work for you</h2>
      <p>
        Tell your centre&apos;s administrator what you were trying to do and what went wrong. They can pass it on to the people who run Attest, and arrange
        another way to give or review evidence meanwhile. A witness asked to confirm a statement can reply to the person who asked them.
      </p>

      <h2>About this statement</h2>
      <p>This statement was prepared on 22 November 2026, and is reviewed whenever the known problems change.</p>
      <p>
        <Link href="/">Back to Attest</Link>
      </p>
    </>
  );
}
