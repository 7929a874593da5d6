/** A numeric id in a URL or form: 1 to 15 digits, so it is a safe integer and never a float or a sign. */
export const ID_DIGITS = String.raw`\d{1,15}`;

/** The whole value is an id (for valibot `v.regex` and other exact checks). */
export const ID_PATTERN = new RegExp(`^${ID_DIGITS}$`);

/** The numeric id in `raw`, or undefined for anything that is not 1–15 digits (a 404, not a 500). */
export function idParam(raw: string | undefined): number | undefined {
  return raw !== undefined && ID_PATTERN.test(raw) ? Number(raw) : undefined;
}
