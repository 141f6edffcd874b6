/** A form's answer from its server action; `result` is what an action answers with beyond ok (most answer with nothing). */
export type ActionState<T = unknown> = { ok: boolean; message?: string; fields?: Record<string, string>; at?: number; result?: T };
export const initialActionState: ActionState = { ok: false };
