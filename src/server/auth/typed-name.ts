import { UserFacingError } from "@/server/errors";
import type { Actor } from "./actor";

const normalise = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/** A signature's typed name must be the signer's full name as on their account (case and spacing aside). */
export function assertTypedName(actor: Actor, typedName: string | undefined): asserts typedName is string {
  if (!typedName || normalise(typedName) !== normalise(actor.name))
    throw new UserFacingError(`Type your full name exactly as it is on your account: ${actor.name}.`, {
      typedName: "Type your full name as it is on your account",
    });
}
