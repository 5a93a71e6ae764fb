import { createHash, createHmac } from 'node:crypto';

/**
 * The workspace's own random key for secret fingerprints (32 bytes, kept in the workspace file).
 * Analyzers get it as an input like their rule packs; they never read a store.
 */
export type FingerprintKey = Uint8Array;

export const FINGERPRINT_KEY_BYTES = 32;

function checked(key: FingerprintKey): FingerprintKey {
  // A missing or short key would make fingerprints as guessable as a plain hash: refuse, never fall back.
  if (key.length !== FINGERPRINT_KEY_BYTES) throw new Error(`a secret fingerprint key must be ${FINGERPRINT_KEY_BYTES} bytes, got ${key.length}`);
  return key;
}

/**
 * HMAC-SHA256 under the workspace key of the SHA-256 of the value. Keyed, so a stored
 * fingerprint cannot be tested against a guessed password without the workspace; over the
 * SHA-256, so fingerprints stored before keys existed (plain SHA-256) can be converted without
 * the secrets, and come out equal to what a new scan computes.
 */
export function fingerprintOfDigest(sha256: Uint8Array, key: FingerprintKey): string {
  return createHmac('sha256', checked(key)).update(sha256).digest('hex');
}

export function fingerprintSecret(value: string, key: FingerprintKey): string {
  return fingerprintOfDigest(createHash('sha256').update(value).digest(), key);
}

/**
 * The name a found secret is listed under: what it is, its preview when it has a known shape, and
 * the start of its fingerprint, so two keys of the same provider and length stay two names in the
 * registry (the fingerprint's start tells nothing about the value without the workspace key).
 */
export function secretCredentialName(label: string, preview: string | null, fingerprint: string): string {
  return `${label}${preview ? ` ${preview}` : ''} #${fingerprint.slice(0, 6)}`;
}
