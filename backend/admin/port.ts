/** A mini-program code made once and kept: one request to WeChat per speech × channel (× share for posters), ever. */
export interface CodeRecord {
  scene: string;
  /** The stored image, for FileStore.link. */
  fileId: string;
  /** Made locally as a standard QR code, not by WeChat. */
  standIn: boolean;
  /** ms since the epoch. */
  createdAt: number;
  /** Key of who asked for it (a staff member, or the reader of a poster). */
  createdBy: string | null;
  /** China day it was made, for the readers' daily poster allowance. */
  day: string;
}

/** Codes made so far; both adapters implement it (test/storage/code-contract.ts). */
export interface CodeStore {
  get(scene: string): Promise<CodeRecord | null>;
  /** Keeps the first record for a scene: false when there was one already. */
  put(record: CodeRecord): Promise<boolean>;
  /** How many codes `createdBy` made on `day`. */
  countBy(createdBy: string, day: string): Promise<number>;
}

/** Makes the image of a mini-program code for a page and scene: WeChat's in the cloud, a stand-in locally. */
export interface CodeMaker {
  make(request: { page: string; scene: string }): Promise<{ png: Buffer; standIn: boolean }>;
}

/**
 * The containers the database needs (CloudBase: the collections of `storage/cloudbase/indexes.ts` COLLECTIONS, which
 * must exist before the first write; SQLite: the tables its migrations made when it opened).
 */
export interface SchemaStore {
  /** Makes the missing ones; names those it made and those that were there. */
  ensure(): Promise<{ created: string[]; existing: string[] }>;
}
