import type { CodeMaker, CodeStore, SchemaStore } from '../admin/port';
import type { ChannelStore } from '../channels/port';
import type { ContentStore } from '../content/port';
import type { StaffStore } from '../staff/port';
import type { FileStore, StatsStore } from '../stats/port';
import type { TrackStore } from '../track/port';

/** Every module's port, as one adapter (SQLite or CloudBase) implements them over one database. */
export interface Stores {
  content: ContentStore;
  track: TrackStore;
  staff: StaffStore;
  stats: StatsStore;
  files: FileStore;
  channels: ChannelStore;
  codes: CodeStore;
  /** The collections (tables) themselves: made by the one-time setup (`setup.db`, `npm run deploy -- db`). */
  schema: SchemaStore;
  /** Not storage, but a platform service like `files`: WeChat's code API in the cloud. */
  codeMaker: CodeMaker;
  close(): Promise<void>;
}

/**
 * The store cannot take the request now — SQLite: another connection (`npm run reconcile`, a second server) held the
 * write lock past the busy timeout. Nothing was changed; the same request may succeed a little later.
 */
export class StoreUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('store unavailable: the database is locked by another connection', options);
    this.name = 'StoreUnavailableError';
  }
}
