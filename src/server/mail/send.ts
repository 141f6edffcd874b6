import nodemailer from "nodemailer";
import type { Db, Tx } from "@/server/db/client";
import { demoRun, isProduction, mailFrom, smtpUrl } from "@/server/env";

export type Mail = { to: string; subject: string; text: string; centreId?: string | null };

/**
 * Whether mail may be kept in the outbox instead of sent: only on a development or demo run
 * (NODE_ENV not production, or ATTEST_DEMO=1, which `npm start` also sets when it loads the demo
 * data). A real deployment must send: the outbox would show staff the witnesses' live links.
 */
export const outboxAllowed = () => !isProduction() || demoRun();

/** Whether mail can go anywhere at all; checked before a change whose point is a mail. */
export const canSendMail = () => Boolean(smtpUrl()) || outboxAllowed();

/** Whether the centre lets its mail wait in the outbox (its admin's setting); mail of no centre follows the environment alone. */
async function centreAllowsOutbox(db: Db | Tx, centreId: string | null | undefined): Promise<boolean> {
  if (!centreId) return true;
  const centre = await db.centre.findUnique({ where: { id: centreId }, select: { outboxAllowed: true } });
  return centre?.outboxAllowed ?? false;
}

/** canSendMail for a centre's mail: SMTP, or an outbox both the environment and the centre allow. */
export async function canSendMailFor(db: Db | Tx, centreId: string | null | undefined): Promise<boolean> {
  return Boolean(smtpUrl()) || (outboxAllowed() && (await centreAllowsOutbox(db, centreId)));
}

/**
 * Sends through SMTP_URL when it is set; otherwise, on a development or demo run whose centre
 * allows it (Centre.outboxAllowed), keeps the message in the outbox table, where a centre admin
 * can read what would have been sent. Call after the change it reports is committed.
 */
export async function sendMail(db: Db | Tx, mail: Mail): Promise<{ via: "smtp" | "outbox" }> {
  const url = smtpUrl();
  if (!url) {
    if (!outboxAllowed()) throw new Error("No mail server is configured (SMTP_URL), and the outbox is only for development and demo runs.");
    if (!(await centreAllowsOutbox(db, mail.centreId)))
      throw new Error("No mail server is configured (SMTP_URL), and this centre does not allow mail to wait in the outbox (centre settings).");
    await db.outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, centreId: mail.centreId ?? null } });
    return { via: "outbox" };
  }
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
  return { via: "smtp" };
}

export { appUrl } from "@/server/env";
