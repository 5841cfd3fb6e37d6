import { createHash, createHmac } from 'node:crypto';
import { SHARE_PREFIX_LENGTH } from '../../typings/contract';
import { CLIENT_SOURCE, type ReaderKeyOf } from './context';

/** The secret `npm start` and the tests use. Never deploy it: keys made with a known secret can be tested against openids. */
export const LOCAL_READER_SECRET = 'local-only-reader-hash-secret';
export const MIN_SECRET_LENGTH = 16;

/**
 * Reader keys are HMAC-SHA256 of the id under a secret from the function's environment (READER_HASH_SECRET),
 * so raw openids are never stored and stored keys cannot be matched to openids without the secret. The content
 * and track functions must share one secret, or one reader would count as two. Without a usable secret every
 * lookup throws: reads then fail loudly (and are retried by the app) instead of being counted under a weak key.
 */
export function readerKeys(secret: string | undefined): ReaderKeyOf {
  if (secret === undefined || secret.length < MIN_SECRET_LENGTH) {
    return () => {
      throw new Error(`READER_HASH_SECRET is missing or shorter than ${MIN_SECRET_LENGTH} characters`);
    };
  }
  const hash = (kind: string, id: string) =>
    createHmac('sha256', secret).update(`${kind}:${id}`).digest('base64url').slice(0, 22);
  return (identity, anonId) => {
    if (identity.openid) return { key: hash('openid', identity.openid), kind: 'openid' };
    // Anyone can make up install ids, so they are taken only from the app in WeChat (not from HTTP API calls,
    // other functions or DevTools) and are counted apart from the read count (see deltaOf in backend/track/model.ts).
    if (anonId && identity.source === CLIENT_SOURCE) return { key: hash('anon', anonId), kind: 'anon' };
    return null;
  };
}

/**
 * The start of every share id a reader makes (SHARE_PREFIX_LENGTH characters): derived from their key, so a share id
 * says whose it is and no one else can record it as theirs (see backend/track/decide/share.ts).
 */
export const sharePrefixOf = (readerKey: string): string =>
  createHash('sha256').update(`share:${readerKey}`).digest('base64url').slice(0, SHARE_PREFIX_LENGTH);
