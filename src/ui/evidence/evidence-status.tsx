const labels = { DRAFT: "Draft", SUBMITTED: "Submitted for assessment", WITHDRAWN: "Withdrawn" } as const;

export function EvidenceStatusText({ status, draft }: { status: keyof typeof labels; draft?: boolean }) {
  if (status === "DRAFT" && draft === false) return <>{labels.SUBMITTED}</>;
  return <span className={`status status-${status.toLowerCase()}`}>{labels[status]}</span>;
}
