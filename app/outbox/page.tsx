import type { Metadata } from "next";
import { formatDateTime } from "@/lib/format";
import { orNotFound, requireActor } from "@/server/edge/page";
import { smtpUrl } from "@/server/env";
import { centreOutbox } from "@/server/portfolio/witness";

export const metadata: Metadata = { title: "Outbox" };

// Without SMTP_URL, mail is kept here instead of sent (development and demos); a centre admin reads it.
export default async function OutboxPage() {
  const actor = await requireActor("/outbox");
  const mail = await orNotFound(centreOutbox(actor));
  return (
    <>
      <h1>Outbox</h1>
      <p className="lead">{smtpUrl() ? "Mail is sent through SMTP; this list only holds what was kept before." : "No SMTP server is configured (SMTP_URL), so mail is kept here instead of being sent."}</p>
      {mail.length === 0 && <p>Nothing yet.</p>}
      {mail.map((m) => (
        <article key={m.id} className="panel">
          <h2>{m.subject}</h2>
          <p className="muted">
            To {m.to}, {formatDateTime(m.createdAt)}
          </p>
          <pre className="prose mail">{m.text}</pre>
        </article>
      ))}
    </>
  );
}
