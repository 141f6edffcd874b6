import { headers } from "next/headers";
import { fromSameOrigin } from "@/lib/origin";
import { clientIp } from "@/server/client-ip";
import { UserFacingError } from "@/server/errors";
import { NotFoundError } from "@/server/policy";

/** Refuses a state-changing request sent from another site (cookies alone do not prove intent). */
export function assertSameOrigin(request: Request) {
  if (!fromSameOrigin(request.headers)) throw new NotFoundError("Not found");
}

/** The file's name from the X-File-Name header (percent-encoded UTF-8, as the upload form sends it). */
export function uploadFileName(header: string | null): string {
  if (!header) throw new UserFacingError("The upload had no file name (X-File-Name header).");
  try {
    return decodeURIComponent(header);
  } catch {
    throw new UserFacingError("The file name (X-File-Name header) is not valid percent-encoded UTF-8.");
  }
}

/** The address the request came from, as the audit trail records it (src/server/client-ip.ts). */
export const requestIp = async () => clientIp(await headers());
