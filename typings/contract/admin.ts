import type { EmptyInput } from './content';

/** Who the caller is, for the app: readers get staff false. */
export interface WhoAmI {
  staff: boolean;
  admin: boolean;
  /** The staff member's display name; null for readers. */
  name: string | null;
}

export interface AdminApi {
  whoami: { input: EmptyInput; output: WhoAmI };
}
