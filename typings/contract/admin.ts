import type { MatrixChannel } from './attribution';
import type { EmptyInput } from './content';

/** Who the caller is, for the app: readers get staff false. */
export interface WhoAmI {
  staff: boolean;
  admin: boolean;
  /** The staff member's display name; null for readers. */
  name: string | null;
  /**
   * The caller's own number for an administrator to add them as staff (their openid, shown only to themselves);
   * null without an openid (朋友圈 single-page mode).
   */
  myNumber: string | null;
  /** The start of every share id this reader makes: a share id is theirs alone (see ids.ts). Null without an openid. */
  sharePrefix: string | null;
}

/** A node of the matrix made by staff, such as 报纸第 3 版 (`bz3`, type `bao`). */
export interface ChannelInfo {
  code: string;
  name: string;
  type: MatrixChannel;
  /** ISO time. */
  createdAt: string;
  /** A retired channel gets no new codes; reads through codes already printed still count under it. */
  retired: boolean;
}

export interface CodeInfo {
  /** What the mini-program code carries: `a=<articleId>&c=<channel>[&s=<shareId>]`, 32 characters at most. */
  scene: string;
  /** The page the code opens. */
  page: string;
  /** A plain link to the same speech and channel, for 公众号 menus and articles. */
  path: string;
  /** A link to the code image (PNG). */
  image: string;
  /** ISO time after which `image` no longer works (ask again for a fresh link). */
  imageExpiresAt: string;
  /** Locally, where there is no WeChat: a standard QR code of `page?scene=…` stands in (本地替代). */
  standIn: boolean;
}

export interface StaffInfo {
  /** An opaque id (never the openid). */
  id: string;
  name: string;
  role: 'admin' | 'staff';
  /** ISO time. */
  addedAt: string;
  /** Named by ADMIN_OPENIDS: an administrator who cannot be removed in the app. */
  bootstrap: boolean;
}

export interface InstallmentAdminInfo {
  id: string;
  number: number;
  title: string;
  subtitle: string;
  publishedAt: string | null;
  online: boolean;
  articleCount: number;
}

/** What `setup.db` did: the collections it made and those that were there, the curated installments it published. */
export interface SetupReport {
  collections: { created: string[]; existing: string[] };
  /** Curated installments written because they were missing or their file changed; the others were current. */
  installments: { published: string[]; unchanged: string[] };
  /** Staff members whose reader record carries the staff mark (all of them: marking again changes nothing). */
  staff: { marked: number };
}

export interface AdminApi {
  whoami: { input: EmptyInput; output: WhoAmI };
  'channel.list': { input: EmptyInput; output: { items: ChannelInfo[] } };
  'channel.create': { input: { name: string; type: MatrixChannel; code: string }; output: ChannelInfo };
  'channel.retire': { input: { code: string }; output: ChannelInfo };
  'code.get': { input: { articleId: string; channel: string }; output: CodeInfo };
  /** For readers: the code of a poster of a published speech, carrying the reader's own share id. */
  'poster.code': { input: { articleId: string; shareId: string }; output: CodeInfo };
  'staff.list': { input: EmptyInput; output: { items: StaffInfo[] } };
  'staff.add': { input: { openid: string; name: string; role: 'admin' | 'staff' }; output: StaffInfo };
  'staff.remove': { input: { id: string }; output: { removed: boolean } };
  'installment.list': { input: EmptyInput; output: { items: InstallmentAdminInfo[] } };
  /** A curated installment file (content/installments/<id>.json); re-publishing replaces its text, never its counts. */
  'installment.publish': { input: { installment: unknown }; output: InstallmentAdminInfo };
  'installment.setDate': { input: { id: string; publishedAt: string | null }; output: InstallmentAdminInfo };
  'installment.unpublish': { input: { id: string }; output: InstallmentAdminInfo };
  /** Puts an installment taken offline back online, as it was. */
  'installment.republish': { input: { id: string }; output: InstallmentAdminInfo };
  /**
   * The one-time setup of an environment's database, safe to repeat (`npm run deploy -- db`): makes the missing
   * collections and publishes the curated installments whose file changed. Indexes are made in the console.
   */
  'setup.db': { input: EmptyInput; output: SetupReport };
  /** Recomputes the counters of the last week's closed days from the ledger and reports what it corrected. */
  reconcile: {
    input: EmptyInput;
    output: { entries: number; corrected: number; days: { from: string; to: string } };
  };
}
