import { TextField } from "@/ui/kit";

/** A new password and its confirmation, as choosing one from a link and changing one both ask. */
export function NewPasswordFields({ minLength }: { minLength: number }) {
  return (
    <>
      <TextField
        name="newPassword"
        type="password"
        label="New password"
        hint={`At least ${minLength} characters. A few unrelated words are easy to remember and hard to guess.`}
        autoComplete="new-password"
        minLength={minLength}
        required
      />
      <TextField name="confirmPassword" type="password" label="New password again" autoComplete="new-password" required />
    </>
  );
}
