import { must } from "@/lib/must";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db/client";
import { hashSecretToken } from "@/server/tokens/secret-token";

// Decision 0035: 120 requests a minute per token, counted in the database so every app instance shares the count.
export const RATE_LIMIT_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

/** Who calls the API: a token, acting as its centre's admin and nothing else. */
export type ApiCaller = {
  tokenId: string;
  centreId: string;
  /** Who made the token (null: the command line): the actor of the audit events its writes cause. */
  actorId: string | null;
  /** A centre admin of the token's centre only; its userId is the token's id, which is no user's, so it is never "own". */
  actor: Actor;
};

/** 401: no token, or one that is unknown, expired or revoked. The answer does not say which. */
export class ApiUnauthorizedError extends Error {
  constructor() {
    super("Send a valid API token: Authorization: Bearer att_…");
  }
}

/** 429: too many requests with this token in this minute. */
export class ApiRateLimitedError extends Error {
  constructor(
    readonly caller: ApiCaller,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many requests: at most ${RATE_LIMIT_PER_MINUTE} a minute per token. Try again in ${retryAfterSeconds} seconds.`);
  }
}

const bearerPattern = /^Bearer\s+(att_[0-9a-f]{8}_[A-Za-z0-9_-]{20,100})\s*$/;

/** The token's caller from an Authorization header; throws ApiUnauthorizedError. */
export async function callerFor(authorization: string | null, now = new Date()): Promise<ApiCaller> {
  const match = authorization ? bearerPattern.exec(authorization) : null;
  if (!match) throw new ApiUnauthorizedError();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecretToken(must(match[1], "the token")) },
    select: { id: true, centreId: true, createdById: true, expiresAt: true, revokedAt: true, centre: { select: { name: true } } },
  });
  if (!token || token.revokedAt || token.expiresAt <= now) throw new ApiUnauthorizedError();
  return {
    tokenId: token.id,
    centreId: token.centreId,
    actorId: token.createdById,
    actor: {
      userId: token.id,
      email: "",
      name: "API token",
      grants: [{ centreId: token.centreId, centreName: token.centre.name, role: "CENTRE_ADMIN", endsAt: null }],
    },
  };
}

/**
 * Counts this request in the token's current minute and records its use, in one statement (any app
 * instance may answer); old windows of the token go in the same statement. Throws ApiRateLimitedError over the limit.
 */
export async function countRequest(caller: ApiCaller, now = new Date()): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const before = new Date(windowStart.getTime() - WINDOW_MS);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH used AS (UPDATE "ApiToken" SET "lastUsedAt" = ${now.toISOString()}::timestamp WHERE id = ${caller.tokenId}::uuid),
      old AS (DELETE FROM "ApiTokenWindow" WHERE "tokenId" = ${caller.tokenId}::uuid AND "windowStart" < ${before.toISOString()}::timestamp)
    INSERT INTO "ApiTokenWindow" ("tokenId", "windowStart", count) VALUES (${caller.tokenId}::uuid, ${windowStart.toISOString()}::timestamp, 1)
    ON CONFLICT ("tokenId", "windowStart") DO UPDATE SET count = "ApiTokenWindow".count + 1
    RETURNING count`;
  if ((row?.count ?? 0) > RATE_LIMIT_PER_MINUTE) {
    throw new ApiRateLimitedError(caller, Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000)));
  }
}
