const labels: Record<string, string> = {
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  VERIFIED: "Verified",
  CERTIFICATED: "Certificated",
  WITHDRAWN: "Withdrawn",
};

/** The status in words, for a select's options (which take text only). */
export const enrolmentStatusLabel = (status: string) => labels[status] ?? status;

export function EnrolmentStatusText({ status }: { status: string }) {
  return <>{labels[status] ?? status}</>;
}
