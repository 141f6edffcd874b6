/**
 * The value, or an error naming what was missing. For tests: where a value must be there for the
 * test to go on, its absence fails the test with a message instead of a later "cannot read
 * properties of undefined".
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, found ${value}`);
  return value;
}
