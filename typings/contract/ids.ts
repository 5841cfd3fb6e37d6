/**
 * Formats of the ids that travel between the app and the functions, as regular-expression sources. The functions
 * check them with zod; the app gets them through miniprogram/utils/contract.generated.ts.
 */
export const ID_FORMATS = {
  /** Installment, article and block ids: they go into QR-code scenes of 32 characters, so they stay short. */
  short: '^[a-z0-9][a-z0-9-]{0,7}$',
  /** Client-made event ids and install ids: long enough not to collide, plain enough to key records. */
  event: '^[A-Za-z0-9_-]{8,40}$',
  /** Share ids go into QR-code scenes (`a=<id>&c=<code>&s=<share>`), so they stay short. */
  share: '^[A-Za-z0-9_-]{6,10}$',
  /** A staff-made channel's code, printed into codes and links (`ch=`), e.g. `bz3` for page 3 of the paper. */
  channel: '^[a-z0-9]{2,6}$',
} as const;

/** Characters of a share id that say whose it is (the rest is random): see WhoAmI.sharePrefix. */
export const SHARE_PREFIX_LENGTH = 4;
