import { z } from "zod";
import { RATE_LIMIT_PER_MINUTE } from "./bearer";
import { assignBody, createEnrolmentBody, createUserBody, evidenceQuery, listEnrolmentsQuery, listUsersQuery } from "./schemas";

type Method = "get" | "post";
/** One operation of /api/v1: the zod schemas its handler validates with are the ones described here. */
export type Operation = { path: string; method: Method; summary: string; query?: z.ZodObject; body?: z.ZodType; pathId?: string; created?: boolean };

export const operations: Operation[] = [
  { path: "/users", method: "get", summary: "List the people holding a role in the centre (by name, paged; filter by role)", query: listUsersQuery },
  {
    path: "/users",
    method: "post",
    summary: "Invite a person with one or more roles (they are emailed a link to choose a password)",
    body: createUserBody,
    created: true,
  },
  { path: "/enrolments", method: "get", summary: "List the centre's enrolments (paged; filter by learner, unit code, status)", query: listEnrolmentsQuery },
  { path: "/enrolments", method: "post", summary: "Enrol one of the centre's learners on a published unit version", body: createEnrolmentBody, created: true },
  {
    path: "/enrolments/{id}/assignments",
    method: "post",
    summary: "Make someone (or nobody) the enrolment's assessor or IQA; history is kept",
    body: assignBody,
    pathId: "enrolment",
  },
  {
    path: "/enrolments/{id}/progress",
    method: "get",
    summary: "Criteria total, met, awaiting a decision, not yet met; the last activity",
    pathId: "enrolment",
  },
  {
    path: "/enrolments/{id}/evidence",
    method: "get",
    summary: "Metadata of the submitted evidence mapped to the enrolment (no file bytes)",
    query: evidenceQuery,
    pathId: "enrolment",
  },
  {
    path: "/learners/{id}/evidence",
    method: "get",
    summary: "Metadata of a learner's submitted evidence in the centre (no file bytes)",
    query: evidenceQuery,
    pathId: "learner",
  },
];

/** The JSON Schema of a request schema as the client sends it (before defaults and trimming). */
export const requestSchema = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function operationDocument(op: Operation) {
  const parameters: object[] = [];
  if (op.pathId) parameters.push({ name: "id", in: "path", required: true, description: `The ${op.pathId}'s id`, schema: { type: "string", format: "uuid" } });
  if (op.query) {
    const json = requestSchema(op.query) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {}))
      parameters.push({ name, in: "query", required: json.required?.includes(name) ?? false, schema });
  }
  return {
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/\{id\}/g, "ById").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
    security: [{ bearer: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: requestSchema(op.body) } } } } : {}),
    responses: {
      [op.created ? "201" : "200"]: { description: "Done", content: { "application/json": { schema: { type: "object" } } } },
      "400": errorResponse("Bad input: `fields` names each wrong field; nothing was changed"),
      "401": errorResponse("No token, or one that is unknown, expired or revoked"),
      ...(op.pathId ? { "404": errorResponse("No such id in the token's centre") } : {}),
      "429": errorResponse(`More than ${RATE_LIMIT_PER_MINUTE} requests in a minute with this token; see Retry-After`),
    },
  };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json. */
export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationDocument(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Attest API for a centre's MIS",
      version: "1",
      description:
        "Each token belongs to one centre and acts as its administrator; it sees nothing of another centre (404). " +
        "Lists are paged with `page` (from 1) and `pageSize` (1 to 100, default 50) and answer `{ data, page, pageSize, total, pages }`. " +
        "Every request is recorded in the centre's audit log.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A token from the centre's API tokens page: att_<prefix>_<secret>" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "fields"],
          properties: { error: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
        },
      },
    },
    paths,
  };
}
