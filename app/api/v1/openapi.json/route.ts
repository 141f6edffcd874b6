import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/api/openapi";

// Public by design: the description of the API, no data.
export const GET = () => NextResponse.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
