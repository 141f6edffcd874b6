import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type Captured = { to: string[]; raw: string };

/**
 * A real SMTP server on localhost that keeps what it receives (in memory, and as files in `dir` when
 * given). Port 0 takes a free one; a port already taken is an error, not a wait that never ends.
 */
export async function startSmtpCapture(port: number, dir?: string) {
  const messages: Captured[] = [];
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const message = { to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") };
        messages.push(message);
        if (dir) writeFileSync(path.join(dir, `${Date.now()}-${messages.length}.json`), JSON.stringify(message));
        done();
      });
    },
  });
  const bound = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
  });
  return { messages, url: `smtp://127.0.0.1:${bound}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The witness link in a captured message (quoted-printable soft breaks undone). */
export const linkIn = (raw: string) => /https?:\/\/\S+\/witness\/[A-Za-z0-9_-]+/.exec(raw.replace(/=\r?\n/g, ""))?.[0] ?? null;

/** The set-password link in a captured message (an invitation or a reset). */
export const passwordLinkIn = (raw: string) => /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(raw.replace(/=\r?\n/g, ""))?.[0] ?? null;
