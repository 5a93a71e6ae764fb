/** A fixed fingerprint key for analyzer tests, so their fingerprints are stable; workspaces make their own random one. */
export const TEST_FINGERPRINT_KEY: Uint8Array = new Uint8Array(32).fill(7);
