export type ActionState = { ok: boolean; message?: string; fields?: Record<string, string>; at?: number };
export const initialActionState: ActionState = { ok: false };
