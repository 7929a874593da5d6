import { randomBytes } from 'node:crypto';

// Lucia's alphabet: lowercase, no 0/1/l/o, so ids survive being read aloud or retyped.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 random bytes as 24 base32 characters (~120 bits of entropy). */
export function randomId(): string {
  const bytes = randomBytes(24);
  let out = '';
  for (const b of bytes) out += ALPHABET[b >> 3];
  return out;
}
