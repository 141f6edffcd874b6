import type { Metadata } from "next";
import { formatDateTime } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { smtpUrl } from "@/server/env";
import { centreOutbox } from "@/server/portfolio/witness";
import { Card, EmptyState } from "@/ui/kit";

export const metadata: Metadata = { title: "Outbox" };

// Without SMTP_URL, mail is kept here instead of sent (development and demos); a centre admin reads it.
export default async function OutboxPage() {
  const actor = await requireActor("/outbox");
  const mail = await orNotFound(centreOutbox(actor));
  return (
    <>
      <h1>Outbox</h1>
      <p className="text-lg text-muted">
        {smtpUrl()
          ? "Mail is sent through SMTP; this list only holds what was kept before."
          : "No SMTP server is configured (SMTP_URL), so mail is kept here instead of being sent."}
      </p>
      {mail.length === 0 && <EmptyState>Nothing yet.</EmptyState>}
      <div className="grid gap-4">
        {mail.map((m) => (
          <Card key={m.id} as="section" level={2} title={<span className="break-words">{m.subject}</span>}>
            <p className="mt-0 text-muted wrap-anywhere">
              To {m.to}, {formatDateTime(m.createdAt)}
            </p>
            <pre className="m-0 bg-paper p-3 font-sans whitespace-pre-wrap wrap-anywhere">{m.text}</pre>
          </Card>
        ))}
      </div>
    </>
  );
}
