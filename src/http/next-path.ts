// Where to go after signing in or switching language. Only a local path is followed: printable
// ASCII (a control character in Location makes Node throw: a 500), one leading slash (`//host`
// is another site), no backslash (browsers read `/\host` as `//host`).
const LOCAL_PATH = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;
const MAX_LENGTH = 2000;

export type NextPath = { ok: true; path: string | undefined } | { ok: false };

/** Absent or empty: no path. A local path: that path. Anything else: not ok (the caller answers 400). */
export function parseNext(raw: unknown): NextPath {
  if (raw === undefined || raw === '') return { ok: true, path: undefined };
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH || !LOCAL_PATH.test(raw)) return { ok: false };
  return { ok: true, path: raw };
}
