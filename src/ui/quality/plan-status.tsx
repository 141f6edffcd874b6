import { Status } from "@/ui/kit";

/** A sample plan's status, in words with its tone. */
export function PlanStatus({ status }: { status: "DRAFT" | "SIGNED" }) {
  return status === "SIGNED" ? <Status tone="success">Signed</Status> : <Status tone="warning">Draft</Status>;
}
