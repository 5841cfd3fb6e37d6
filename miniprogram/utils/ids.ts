const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A short random id from [a-z0-9]: share ids go into QR scenes, event ids into the track ledger. */
export function randomId(length: number, random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET.charAt(Math.floor(random() * ALPHABET.length));
  return id;
}

export const newShareId = (): string => randomId(8);
export const newEventId = (): string => `${Date.now().toString(36)}${randomId(10)}`;
