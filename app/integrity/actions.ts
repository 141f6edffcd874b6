"use server";
import { checkIntegrityNow } from "@/server/audit/status";
import { formAction } from "@/server/edge/action";

export const checkIntegrityAction = formAction({ run: (actor) => checkIntegrityNow(actor), refresh: () => "/integrity" });
