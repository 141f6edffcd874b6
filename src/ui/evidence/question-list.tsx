"use client";
import { useState } from "react";
import { FieldError } from "../field-error";

/** Question and answer pairs for a questioning record; more can be added. */
export function QuestionList({ initial = [] }: { initial?: { question: string; answer: string }[] }) {
  const [count, setCount] = useState(Math.max(3, initial.length));
  return (
    <fieldset>
      <legend>Questions and answers</legend>
      <FieldError name="items" />
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="panel">
          <div className="field">
            <label htmlFor={`q-${i}`}>Question {i + 1}</label>
            <FieldError name={`question.${i}`} />
            <textarea id={`q-${i}`} data-field={`question.${i}`} name="question" rows={2} defaultValue={initial[i]?.question} />
          </div>
          <div className="field">
            <label htmlFor={`a-${i}`}>Answer {i + 1}</label>
            <FieldError name={`answer.${i}`} />
            <textarea id={`a-${i}`} data-field={`answer.${i}`} name="answer" rows={3} defaultValue={initial[i]?.answer} />
          </div>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => setCount((n) => Math.min(50, n + 1))}>
        Add another question
      </button>
    </fieldset>
  );
}
