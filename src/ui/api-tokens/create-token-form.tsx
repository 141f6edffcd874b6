"use client";
import type { ActionState } from "@/lib/action-state";
import { ActionForm } from "@/ui/action-form";
import { Notice, TextField } from "@/ui/kit";

type Made = { token: string; name: string };

/** "Create token": the new token is shown here once, to copy into the MIS. */
export function CreateTokenForm({
  action,
  centreId,
  maxDays,
  defaultDays,
}: {
  action: (s: ActionState<Made>, f: FormData) => Promise<ActionState<Made>>;
  centreId: string;
  maxDays: number;
  defaultDays: number;
}) {
  return (
    <ActionForm
      action={action as unknown as (s: ActionState, f: FormData) => Promise<ActionState>}
      submitLabel="Create token"
      pendingLabel="Creating…"
      resetOnSuccess
      className="max-w-2xl"
      shown={(result) => {
        const made = result as Made;
        return (
          <Notice tone="success" as="div" role="status">
            <p className="mt-0 font-semibold">Token &ldquo;{made.name}&rdquo; created. Copy it now: it will not be shown again.</p>
            <p className="mb-0">
              <code data-testid="new-token" className="block rounded-sm border border-line bg-paper p-2 font-mono text-sm break-all select-all">
                {made.token}
              </code>
            </p>
          </Notice>
        );
      }}
    >
      <input type="hidden" name="centreId" value={centreId} />
      <TextField name="name" label="Name" hint="Say which system uses it, like “College MIS”." required maxLength={100} autoComplete="off" />
      <TextField
        name="days"
        label="Days until it expires"
        hint={`From 1 to ${maxDays}. Leave it empty for ${defaultDays} days.`}
        inputMode="numeric"
        className="max-w-[8rem]"
        autoComplete="off"
      />
    </ActionForm>
  );
}
