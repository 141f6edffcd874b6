import { NextResponse } from "next/server";
import type { z } from "zod";
import { appendAudit, pendingAuditInsert } from "@/server/audit/append";
import { type Tx, db } from "@/server/db/client";
import { UserFacingError, databaseRefusal, parseInput } from "@/server/errors";
import { NotFoundError } from "@/server/policy";
import { type ApiCaller, ApiRateLimitedError, ApiUnauthorizedError, callerFor, countRequest } from "./bearer";

const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
const MAX_BODY_BYTES = 64 * 1024;

export type ApiRequest = {
  caller: ApiCaller;
  request: Request;
  /** The query string, validated by `schema`: 400 with each field's message when it is wrong. */
  query<S extends z.ZodType>(schema: S): z.infer<S>;
  /** The JSON body, validated by `schema`. */
  body<S extends z.ZodType>(schema: S): Promise<z.infer<S>>;
  /** A write and this request's audit event in one transaction: the event says `status`. */
  write<T>(status: number, work: (tx: Tx) => Promise<T>): Promise<T>;
};

export type ApiAnswer = { status?: number; body: unknown };

const requestEvent = (caller: ApiCaller, request: Request, status: number) => ({
  event: {
    kind: "api.request" as const,
    actorId: null,
    data: { tokenId: caller.tokenId, method: request.method, path: new URL(request.url).pathname, status },
  },
  context: { centreId: caller.centreId, subject: `api_token:${caller.tokenId}` },
});

function answer(status: number, body: unknown, extra: Record<string, string> = {}) {
  return NextResponse.json(body, { status, headers: { ...headers, ...extra } });
}

/** The answer to a refusal: JSON `{ error, fields }`; anything else is a bug (500, logged). */
function refusalAnswer(e: unknown): { status: number; body: { error: string; fields: Record<string, string> }; extra?: Record<string, string> } {
  if (e instanceof ApiUnauthorizedError) return { status: 401, body: { error: e.message, fields: {} }, extra: { "WWW-Authenticate": 'Bearer realm="attest"' } };
  if (e instanceof ApiRateLimitedError) return { status: 429, body: { error: e.message, fields: {} }, extra: { "Retry-After": String(e.retryAfterSeconds) } };
  if (e instanceof NotFoundError) return { status: 404, body: { error: "Not found.", fields: {} } };
  if (e instanceof UserFacingError) return { status: 400, body: { error: e.message, fields: e.fields } };
  const refused = databaseRefusal(e);
  if (refused) return { status: refused.status === 409 ? 409 : 400, body: { error: refused.error.message, fields: {} } };
  console.error("[attest] API request failed", e);
  return { status: 500, body: { error: "Something went wrong on our side. Try again later.", fields: {} } };
}

function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) out[k] = v;
  return out;
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new UserFacingError("The request body is too large (at most 64 KB).");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserFacingError("Send the request body as JSON.", { body: "Not valid JSON" });
  }
}

/**
 * A /api/v1 route handler: the bearer token (401), its rate limit (429), the handler's answer as
 * JSON, refusals as `{ error, fields }`, and one audit event per request: in the write's own
 * transaction when the handler writes, otherwise a statement after the answer is known.
 */
export function apiRoute<P = Record<string, never>>(handler: (api: ApiRequest, params: P) => Promise<ApiAnswer>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let caller: ApiCaller | null = null;
    let audited = false;
    try {
      const known = await callerFor(request.headers.get("authorization"));
      caller = known;
      await countRequest(known);
      const api: ApiRequest = {
        caller,
        request,
        query: (schema) => parseInput(schema, queryOf(request)),
        body: async (schema) => parseInput(schema, await jsonBody(request)),
        write: async (status, work) => {
          const result = await db.$transaction(async (tx) => {
            const value = await work(tx);
            const { event, context: where } = requestEvent(known, request, status);
            await appendAudit(tx, event, where);
            return value;
          });
          audited = true;
          return result;
        },
      };
      const { status = 200, body } = await handler(api, await context.params);
      if (!audited) await db.$executeRaw(pendingAuditInsert([requestEvent(known, request, status)]));
      return answer(status, body);
    } catch (e) {
      const refused = refusalAnswer(e);
      if (caller && !audited) {
        try {
          await db.$executeRaw(pendingAuditInsert([requestEvent(caller, request, refused.status)]));
        } catch (auditError) {
          console.error("[attest] could not audit an API request", auditError);
        }
      }
      return answer(refused.status, refused.body, refused.extra);
    }
  };
}

/** An id in the path: anything that is not a UUID is simply not found. */
export function pathId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new NotFoundError();
  return value.toLowerCase();
}
