import { Status } from "@/ui/kit";

/** A unit version's state for the admin: a draft, published (open to new enrolments) or retired. */
export function UnitVersionStatus({ status, retiredAt }: { status: string; retiredAt: Date | null }) {
  if (status === "DRAFT") return <Status tone="warning">Draft</Status>;
  if (retiredAt || status === "RETIRED") return <Status tone="neutral">Retired</Status>;
  return <Status tone="success">Published</Status>;
}
