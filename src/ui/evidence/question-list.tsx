"use client";
import { useState } from "react";
import { Button, Fieldset, TextAreaField } from "@/ui/kit";

/** Question and answer pairs for a questioning record; more can be added. */
export function QuestionList({ initial = [] }: { initial?: { question: string; answer: string }[] }) {
  const [count, setCount] = useState(Math.max(3, initial.length));
  return (
    <Fieldset id="questions" legend="Questions and answers" errorName="items" boxed>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="my-4 rounded-md border border-line px-3 pt-3 md:px-4">
          <TextAreaField
            id={`q-${i}`}
            name="question"
            errorName={`question.${i}`}
            data-field={`question.${i}`}
            label={`Question ${i + 1}`}
            rows={2}
            defaultValue={initial[i]?.question}
          />
          <TextAreaField
            id={`a-${i}`}
            name="answer"
            errorName={`answer.${i}`}
            data-field={`answer.${i}`}
            label={`Answer ${i + 1}`}
            rows={3}
            defaultValue={initial[i]?.answer}
          />
        </div>
      ))}
      <Button variant="secondary" onClick={() => setCount((n) => Math.min(50, n + 1))}>
        Add another question
      </Button>
    </Fieldset>
  );
}
