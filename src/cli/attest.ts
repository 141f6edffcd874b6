// npm run attest -- <command>: the operators' command line. See the README ("Operators' commands").
import { writeCheckpoint } from "@/server/audit/checkpoint";
import { loadSigningKey } from "@/server/audit/signing-key";
import { recordVerification } from "@/server/audit/verification";
import { createDb } from "@/server/db/client";
import { cliDatabase } from "./database";

const usage = `Usage: npm run attest -- <command>

  audit verify       walk the whole audit chain, check its signed checkpoints and re-check every
                     signed record's hash; exits 0 when intact, 1 naming the first row that is not
  audit checkpoint   sign the head of the audit chain now (npm start also does so daily)
`;

async function main(args: string[]): Promise<number> {
  const command = args.join(" ");
  if (command !== "audit verify" && command !== "audit checkpoint") {
    process.stderr.write(usage);
    return args.length === 0 || args[0] === "help" || args[0] === "--help" ? 0 : 2;
  }
  const key = await loadSigningKey();
  const database = await cliDatabase();
  const db = createDb(database.url);
  try {
    if (command === "audit checkpoint") {
      const written = await writeCheckpoint(db, key, "manual");
      console.log(written ? `Signed the audit chain at event ${written.eventId} (${written.eventHash}).` : "The head of the audit chain is already signed.");
      return 0;
    }
    const report = await recordVerification(db, key, { source: "cli", actorId: null });
    if (report.ok) {
      console.log(
        `Intact: ${report.eventsChecked} audit events and ${report.recordsChecked} signed records checked${report.head ? `; head is event ${report.head.id}` : ""}.`,
      );
      return 0;
    }
    console.error(`NOT INTACT: ${report.problem}`);
    console.error(`(${report.eventsChecked} audit events and ${report.recordsChecked} signed records were intact before it.)`);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`attest: ${e.message}`);
    process.exit(2);
  },
);
