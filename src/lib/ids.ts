/** Whether a value from a URL or a form looks like one of our UUIDs (anything else is "not found"). */
export const isId = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value);
