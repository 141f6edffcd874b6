"use server";
import { formAction } from "@/server/edge/action";
import { markNotificationsRead } from "@/server/notifications/notifications";

export const markNotificationsReadAction = formAction({ run: (actor) => markNotificationsRead(actor), refresh: () => ["/", "layout"] });
