import nodemailer from "nodemailer";
import type { Db, Tx } from "../db/client";

export type Mail = { to: string; subject: string; text: string; centreId?: string | null };

const from = () => process.env.MAIL_FROM ?? "Attest <no-reply@attest.localhost>";

/**
 * Sends through SMTP_URL when it is set; otherwise keeps the message in the outbox table, where a
 * centre admin can read what would have been sent. Call after the change it reports is committed.
 */
export async function sendMail(db: Db | Tx, mail: Mail): Promise<{ via: "smtp" | "outbox" }> {
  const url = process.env.SMTP_URL;
  if (!url) {
    await db.outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, centreId: mail.centreId ?? null } });
    return { via: "outbox" };
  }
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: from(), to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
  return { via: "smtp" };
}

export const appUrl = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
