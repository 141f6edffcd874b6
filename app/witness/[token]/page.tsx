import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { currentActor } from "@/server/auth/current";
import { WITNESS_ONLY, witnessView } from "@/server/portfolio/witness";
import { ActionForm } from "@/ui/action-form";
import { RadioGroup, TextField } from "@/ui/kit";
import { respondToWitnessAction } from "../actions";

export const metadata: Metadata = { title: "Witness statement", referrer: "no-referrer" };

export default async function WitnessPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await witnessView(await currentActor(), token);
  if (view.state === "signed-in")
    return (
      <Message title="This link is for the witness">
        {WITNESS_ONLY} A witness statement must come from the witness: if you were sent this link to pass on, forward the email to them. If you are the witness,
        open the link in a browser where nobody is signed in to Attest.
      </Message>
    );
  if (view.state === "invalid")
    return (
      <Message title="This link is not valid">
        Check that you copied the whole link from the email. If it still does not work, ask the person who sent it for a new one.
      </Message>
    );
  if (view.state === "expired")
    return <Message title="This link has expired">Witness links work for 14 days. Ask the person who sent it for a new one.</Message>;
  if (view.state === "used")
    return (
      <Message title="This link has already been used">
        Thank you: your answer ({view.outcome === "CONFIRMED" ? "confirmed" : "declined"}) has been recorded. Each link works once.
      </Message>
    );
  return (
    <>
      <h1>Witness statement about {view.learner}</h1>
      <p className="text-lg text-muted">
        You have been asked, as {view.request.jobRole} ({view.request.relationship}), to confirm the statement below for {view.learner}&apos;s evidence “
        {view.title}”. This link works once and expires on {formatDate(view.request.expiresAt)}.
      </p>
      <section aria-labelledby="statement">
        <h2 id="statement">The statement</h2>
        <blockquote className="whitespace-pre-wrap">{view.request.statement}</blockquote>
      </section>
      {view.criteria.length > 0 && (
        <section aria-labelledby="supports">
          <h2 id="supports">What it is evidence of</h2>
          <ul>
            {view.criteria.map((c) => (
              <li key={`${c.unit}-${c.code}`}>
                {c.unit} {c.code}: {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ActionForm action={respondToWitnessAction} submitLabel="Send my answer">
        <input type="hidden" name="token" value={token} />
        <RadioGroup
          id="outcome"
          name="outcome"
          legend="Your answer"
          required
          options={[
            { id: "confirm", value: "CONFIRMED", label: "I confirm this statement is true" },
            { id: "decline", value: "DECLINED", label: "I cannot confirm this statement" },
          ]}
        />
        <TextField name="confirmedName" label="Your full name" autoComplete="name" required defaultValue={view.request.witnessName} />
      </ActionForm>
    </>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{children}</p>
    </>
  );
}
