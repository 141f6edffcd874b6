import { z } from "zod";
import { text } from "@/lib/input";
import { formatDateTime } from "@/lib/format";
import { TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX, centreByNameOrSlug, createTokenInTx, tokenDays } from "@/server/api/tokens";
import type { Db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { type Io, UsageError, options, refusalLines } from "./io";

export const tokenCreateUsage = `token create --centre "<centre name or slug>" --name "<token name>" [--days N (1-${TOKEN_DAYS_MAX}, default ${TOKEN_DAYS_DEFAULT})]`;

const input = z.object({
  centre: text(200, "Give the centre's name or slug"),
  name: text(100, "Give the token a name, like the system that will use it"),
  days: z.preprocess((v) => v ?? TOKEN_DAYS_DEFAULT, tokenDays),
});

/** `token create`: an API token for a centre's MIS, printed once (only its hash is kept); audited. */
export async function tokenCreate(db: Db, args: string[], io: Io, now = new Date()): Promise<number> {
  const o = options(args, ["centre", "name", "days"]);
  if (!o.centre || !o.name) throw new UsageError("Give the centre (--centre) and a name for the token (--name).");
  try {
    const data = parseInput(input, o);
    const { centre, token } = await db.$transaction(async (tx) => {
      const centre = await centreByNameOrSlug(tx, data.centre);
      const token = await createTokenInTx(tx, { centreId: centre.id, name: data.name, days: data.days, createdById: null, via: "cli" }, now);
      return { centre, token };
    });
    io.out(`Created the API token "${token.name}" for ${centre.name}, valid until ${formatDateTime(token.expiresAt)} UK time.`);
    io.out("Copy it now: it is not shown again (only its hash is kept).");
    io.out(token.token);
    return 0;
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    for (const line of refusalLines(e, { centre: "--centre", name: "--name", days: "--days" })) io.err(line);
    io.err(`Usage: npm run attest -- ${tokenCreateUsage}`);
    return 2;
  }
}
