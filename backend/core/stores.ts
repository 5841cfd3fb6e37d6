import type { ContentStore } from '../content/port';
import type { StaffStore } from '../staff/port';
import type { TrackStore } from '../track/port';

/** Every module's port, as one adapter (SQLite or CloudBase) implements them over one database. */
export interface Stores {
  content: ContentStore;
  track: TrackStore;
  staff: StaffStore;
  close(): Promise<void>;
}
