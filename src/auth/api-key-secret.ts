import { createHash, randomBytes } from 'node:crypto';

/** Keys look like `mdm_<8 hex>_<43 base64url>`; the first part is shown in listings. */
const KEY_PATTERN = /^mdm_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface GeneratedKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedKey {
  const prefix = `mdm_${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** 256 random bits need no slow hash: SHA-256 cannot be brute-forced back to such a key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}
