import { randomBytes } from "node:crypto";
import { z } from "zod";
import { id, text } from "@/lib/input";
import { appendAudit } from "@/server/audit/append";
import type { Actor } from "@/server/auth/actor";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, parseInput } from "@/server/errors";
import { NotFoundError, administeredCentre } from "@/server/policy";
import { hashSecretToken, newSecretToken } from "@/server/tokens/secret-token";

// Decision 0035: a token lives 90 days unless asked otherwise, at most 365.
export const TOKEN_DAYS_DEFAULT = 90;
export const TOKEN_DAYS_MAX = 365;
const DAY_MS = 86_400_000;

export const tokenDays = z.coerce
  .number({ error: `Enter the number of days, from 1 to ${TOKEN_DAYS_MAX}` })
  .int(`Enter a whole number of days, from 1 to ${TOKEN_DAYS_MAX}`)
  .min(1, `Enter the number of days, from 1 to ${TOKEN_DAYS_MAX}`)
  .max(TOKEN_DAYS_MAX, `A token can last at most ${TOKEN_DAYS_MAX} days`);

export const createTokenInput = z.object({
  centreId: z.preprocess((v) => (v === "" ? undefined : v), id("Choose a centre").optional()),
  name: text(100, "Enter a name for the token, like the system that will use it"),
  days: z.preprocess((v) => (v === "" || v == null ? TOKEN_DAYS_DEFAULT : v), tokenDays),
});

export type NewToken = { id: string; token: string; prefix: string; name: string; expiresAt: Date };

/** The token as the client sends it: `att_<prefix>_<secret>`. Only its SHA-256 is stored; the prefix tells tokens apart. */
function mintToken(): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString("hex");
  return { token: `att_${prefix}_${newSecretToken()}`, prefix };
}

/** Creates a token for a centre inside the caller's transaction, audited. The secret is returned here and never again. */
export async function createTokenInTx(
  tx: Tx,
  spec: { centreId: string; name: string; days: number; createdById: string | null; via: "web" | "cli" },
  now = new Date(),
): Promise<NewToken> {
  const { token, prefix } = mintToken();
  const expiresAt = new Date(now.getTime() + spec.days * DAY_MS);
  const row = await tx.apiToken.create({
    data: { centreId: spec.centreId, name: spec.name, tokenHash: hashSecretToken(token), prefix, createdById: spec.createdById, createdAt: now, expiresAt },
    select: { id: true },
  });
  await appendAudit(
    tx,
    {
      kind: "api_token.created",
      actorId: spec.createdById,
      data: { tokenId: row.id, name: spec.name, prefix, expiresAt: expiresAt.toISOString(), via: spec.via },
    },
    { centreId: spec.centreId, subject: `api_token:${row.id}` },
  );
  return { id: row.id, token, prefix, name: spec.name, expiresAt };
}

/** "Create token" on the API tokens page: a centre admin makes a token for their centre. */
export async function createApiToken(actor: Actor, input: unknown, now = new Date()): Promise<NewToken> {
  const data = parseInput(createTokenInput, input);
  const centreId = administeredCentre(actor, "administer:centre", data.centreId);
  return db.$transaction((tx) => createTokenInTx(tx, { centreId, name: data.name, days: data.days, createdById: actor.userId, via: "web" }, now));
}

export type TokenStatus = "active" | "expired" | "revoked";
export const tokenStatus = (t: { expiresAt: Date; revokedAt: Date | null }, now: Date): TokenStatus =>
  t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active";

export const TOKENS_PAGE_SIZE = 50;

/** The centre's tokens, newest first, a page at a time; never their secrets. */
export async function listApiTokens(actor: Actor, params: { centre?: string | null; page?: number } = {}, now = new Date()) {
  const centreId = administeredCentre(actor, "administer:centre", params.centre || null);
  const page = Math.max(1, Math.min(10_000, Math.trunc(params.page ?? 1) || 1));
  const [centre, total, rows] = await Promise.all([
    db.centre.findUniqueOrThrow({ where: { id: centreId }, select: { id: true, name: true } }),
    db.apiToken.count({ where: { centreId } }),
    db.apiToken.findMany({
      where: { centreId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * TOKENS_PAGE_SIZE,
      take: TOKENS_PAGE_SIZE,
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
    }),
  ]);
  return {
    centre,
    page,
    pages: Math.max(1, Math.ceil(total / TOKENS_PAGE_SIZE)),
    tokens: rows.map((t) => ({ ...t, status: tokenStatus(t, now) })),
  };
}

export const revokeTokenInput = z.object({ tokenId: id("Choose a token from the list") });

/** Revokes a token of a centre the actor administers: it stops working at once. Revoking it again changes nothing. */
export async function revokeApiToken(actor: Actor, input: unknown, now = new Date()): Promise<{ revoked: boolean }> {
  const { tokenId } = parseInput(revokeTokenInput, input);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { centreId: true, name: true } });
    if (!token) throw new NotFoundError();
    administeredCentre(actor, "administer:centre", token.centreId);
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return { revoked: false };
    await appendAudit(
      tx,
      { kind: "api_token.revoked", actorId: actor.userId, data: { tokenId, name: token.name } },
      { centreId: token.centreId, subject: `api_token:${tokenId}` },
    );
    return { revoked: true };
  });
}

/** For the command line: a centre by its exact name or slug. */
export async function centreByNameOrSlug(tx: Tx, nameOrSlug: string) {
  const matches = await tx.centre.findMany({
    where: { OR: [{ slug: nameOrSlug }, { name: nameOrSlug }] },
    select: { id: true, name: true, slug: true },
    take: 2,
  });
  const [only] = matches;
  if (!only || matches.length > 1) throw new UserFacingError(`No centre is called "${nameOrSlug}"`, { centre: `No centre has this name or slug` });
  return only;
}
