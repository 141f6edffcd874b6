/**
 * The value, or an error naming what was missing. For a value that is there by construction (a
 * key just put in a map, the first row of a list known not to be empty): if it is not, that is a
 * bug, and it fails here with a message rather than later as "cannot read properties of undefined".
 * Tests use it too, where a missing value means the code under test is wrong.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, found ${value}`);
  return value;
}
