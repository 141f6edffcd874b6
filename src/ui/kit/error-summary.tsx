"use client";
import type { ReactNode, Ref } from "react";

export type Problem = { key: string; message: string; /** The control to go to; none when the page has no control for it. */ targetId: string | null };

type Props = {
  id: string;
  /** Said after "There is a problem": what went wrong as a whole, when it is more than the list. */
  message?: ReactNode;
  problems: Problem[];
  ref?: Ref<HTMLDivElement>;
  /** Goes to a problem's control; by default focuses it (a page may first have to show it). */
  onGo?: (targetId: string) => void;
};

/**
 * GOV.UK's error summary: "There is a problem", then a link to each field at fault. The form
 * moves focus here after a refused attempt (tabIndex -1), and role=alert announces it.
 */
export function ErrorSummary({ id, message, problems, ref, onGo = (targetId) => document.getElementById(targetId)?.focus() }: Props) {
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref} id={id} aria-labelledby={`${id}-title`}>
      <p>
        <strong id={`${id}-title`}>There is a problem</strong>
        {message ? <>: {message}</> : null}
      </p>
      {problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((p) => (
            <li key={p.key}>
              {p.targetId ? (
                <a
                  href={`#${p.targetId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    if (p.targetId) onGo(p.targetId);
                  }}
                >
                  {p.message}
                </a>
              ) : (
                p.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
