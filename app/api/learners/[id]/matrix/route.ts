import { currentActor } from "@/server/auth/current";
import { matrixCsvResponse } from "@/server/http-csv";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  return matrixCsvResponse(await currentActor(), { learnerId: (await params).id });
}
