const labels: Record<string, string> = {
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  VERIFIED: "Verified",
  CERTIFICATED: "Certificated",
  WITHDRAWN: "Withdrawn",
};

export function EnrolmentStatusText({ status }: { status: string }) {
  return <>{labels[status] ?? status}</>;
}
