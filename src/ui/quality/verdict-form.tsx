import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "@/ui/action-form";
import { DateField, Fieldset, RadioGroup, TextAreaField, TextField } from "@/ui/kit";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  reviewId: string;
  itemId: string;
  /** Unique on the page: the form's control ids start from it. */
  idPrefix: string;
  /** What the verdict is about, in words ("CPC 308 A1", "the sign-off"), for the prefilled action title. */
  subject: string;
  defaultDue: string;
};

// Name and password side by side where they fit.
const signature = "grid max-w-2xl items-end gap-x-4 sm:grid-cols-2 [&>*]:min-w-0";

/** Agree or disagree with one sampled decision, with feedback, signed; a disagreement names the action it raises. */
export function VerdictForm({ action, reviewId, itemId, idPrefix, subject, defaultDue }: Props) {
  const id = (s: string) => `${idPrefix}-${s}`;
  return (
    <ActionForm action={action} submitLabel="Sign verdict" pendingLabel="Signing…" aria-label={`Your verdict on ${subject}`}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <RadioGroup
        id={id("verdict")}
        name="verdict"
        legend="Your verdict"
        options={[
          { value: "AGREE", label: "Agree with the assessor" },
          { value: "DISAGREE", label: "Disagree, and raise an action" },
        ]}
      />
      <TextAreaField id={id("feedback")} name="feedback" label="Feedback for the assessor" rows={3} />
      <Fieldset id={id("action")} legend="The action, if you disagree" hint="Left out when you agree." boxed>
        {() => (
          <>
            <TextField id={id("title")} name="actionTitle" label="Action title" defaultValue={`Review your decision on ${subject}`} />
            <TextAreaField id={id("detail")} name="actionDetail" label="What the assessor should do" rows={3} />
            <DateField id={id("due")} name="dueOn" legend="Due date" hint="A working day in the future, for example 27 3 2027" defaultValue={defaultDue} />
          </>
        )}
      </Fieldset>
      <div className={signature}>
        <TextField id={id("name")} name="typedName" label="Your full name, to sign" autoComplete="name" />
        <TextField
          id={id("pw")}
          name="password"
          type="password"
          label="Your password"
          hint="Not needed if you signed in within the last five minutes."
          autoComplete="current-password"
        />
      </div>
    </ActionForm>
  );
}
