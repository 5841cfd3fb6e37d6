import type { MatrixChannel } from '../../typings/contract';

/** A node of the matrix made by staff: its code is printed into codes and links (`ch=`). */
export interface ChannelRecord {
  code: string;
  name: string;
  type: MatrixChannel;
  /** ms since the epoch. */
  createdAt: number;
  /** Key of the staff member who made it. */
  createdBy: string | null;
  retired: boolean;
}

/** Staff-made channels; both adapters implement it (test/storage/channel-contract.ts). */
export interface ChannelStore {
  /** Oldest first. */
  list(): Promise<ChannelRecord[]>;
  /** false when the code is taken. */
  create(channel: ChannelRecord): Promise<boolean>;
  /** The channel as retired, or null when there is none. */
  retire(code: string): Promise<ChannelRecord | null>;
}
