export type StaffRole = 'admin' | 'staff';

/** A member of staff, keyed like readers by the keyed hash of their openid: the openid itself is never stored. */
export interface StaffMember {
  key: string;
  name: string;
  role: StaffRole;
  /** Key of the administrator who added them; null for one named by ADMIN_OPENIDS. */
  addedBy: string | null;
  /** ms since the epoch. */
  addedAt: number;
}

/** Who is staff; both adapters implement it and pass test/storage/staff-contract.ts. */
export interface StaffStore {
  get(key: string): Promise<StaffMember | null>;
  /** In the order they were added. */
  list(): Promise<StaffMember[]>;
  /** Adds or replaces a member. */
  put(member: StaffMember): Promise<void>;
  /** false when there was no such member. */
  remove(key: string): Promise<boolean>;
}
