// npm run attest -- <command>: the operators' command line. See the README ("Operators' commands").
import { createDb, type Db } from "@/server/db/client";
import { auditCheckpoint, auditVerify } from "./commands/audit";
import { centreCreate, centreCreateUsage } from "./commands/centre-create";
import { type Io, UsageError, terminal } from "./commands/io";
import { tokenCreate, tokenCreateUsage } from "./commands/token-create";
import { userResetLink, userResetLinkUsage } from "./commands/user-reset-link";
import { cliDatabase } from "./database";

type Command = { usage: string; help: string; run: (db: Db, args: string[], io: Io) => Promise<number> };

const commands: Record<string, Command> = {
  "audit verify": {
    usage: "audit verify",
    help: "walk the whole audit chain, check its signed checkpoints and re-check every signed record's hash;\nexits 0 when intact, 1 naming the first row that is not",
    run: (db, _, io) => auditVerify(db, io),
  },
  "audit checkpoint": {
    usage: "audit checkpoint",
    help: "sign the head of the audit chain now (npm start also does so daily)",
    run: (db, _, io) => auditCheckpoint(db, io),
  },
  "centre create": {
    usage: centreCreateUsage,
    help: "create a centre and its first admin (named by --admin-name, else the address before @), and print\na single-use link for the admin to choose a password; run again, it makes nothing twice",
    run: centreCreate,
  },
  "token create": {
    usage: tokenCreateUsage,
    help: "create an API token for the centre's MIS (it acts as the centre's admin) and print it once",
    run: tokenCreate,
  },
  "user reset-link": { usage: userResetLinkUsage, help: "print a new single-use link for the account to choose a password", run: userResetLink },
};

const usage = `Usage: npm run attest -- <command>\n\n${Object.values(commands)
  .map((c) => `  ${c.usage}\n${c.help.replace(/^/gm, "      ")}`)
  .join("\n")}\n`;

async function main(args: string[]): Promise<number> {
  const name = args.slice(0, 2).join(" ");
  const command = commands[name];
  if (!command) {
    process.stderr.write(usage);
    return args.length === 0 || args[0] === "help" || args[0] === "--help" ? 0 : 2;
  }
  const database = await cliDatabase();
  const db = createDb(database.url);
  try {
    return await command.run(db, args.slice(2), terminal);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    console.error(`Usage: npm run attest -- ${command.usage}`);
    return 2;
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
