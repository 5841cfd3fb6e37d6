const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short random id from [a-z0-9]: share ids go into QR scenes, event ids into the track ledger. */
export function randomId(length: number, random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET.charAt(Math.floor(random() * ALPHABET.length));
  return id;
}

/**
 * A share id: the reader's own prefix (from the server: it makes the id theirs alone) and random characters. Without
 * the prefix yet (before the app has heard who the reader is), a random id: its share is refused and the reads it
 * brings count as through an unknown share, but the link works.
 */
export const newShareId = (prefix: string | null = null): string =>
  prefix ? `${prefix}${randomId(8 - prefix.length)}` : randomId(8);
export const newEventId = (): string => `${Date.now().toString(36)}${randomId(10)}`;
