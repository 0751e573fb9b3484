// The sealed envelope: AES-256-GCM under a data key, with additional authenticated data (AAD) that binds the
// ciphertext to its owner (a case id), so a value copied into another case does not open there.
// Text form: `bh1.<base64url(iv ‖ ciphertext ‖ tag)>` — a JSON string, so it sits where the plaintext sat.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SEALED_PREFIX = 'bh1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const isSealedText = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/** Seals UTF-8 text (the JSON of a value) under `key`, bound to `aad`. */
export function sealText(key: Buffer, aad: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Opens what `sealText` sealed; throws when the key, the AAD or a byte is wrong (GCM authenticates all three). */
export function openText(key: Buffer, aad: string, sealed: string): string {
  if (!isSealedText(sealed)) throw new Error('not a sealed value');
  const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
