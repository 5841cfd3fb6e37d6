import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { WhoAmI } from '../../typings/contract';
import type { CloudClient } from '../services/cloud';

/** How long an answer is trusted: a cold start within it shows the 工作台 entry at once, a warm start asks no more. */
export const IDENTITY_FRESH_MS = 10 * 60 * 1000;
const KEY = 'esd.whoami';

interface Saved {
  savedAt: number;
  value: WhoAmI;
}

export interface IdentityDeps {
  call: CloudClient['call'];
  read: (key: string) => unknown;
  write: (key: string, value: unknown) => void;
  now?: () => number;
}

const isWhoAmI = (v: unknown): v is WhoAmI =>
  typeof v === 'object' && v !== null && typeof (v as WhoAmI).staff === 'boolean';

/**
 * Who the person using the app is, as the `admin` function says (`whoami`): whether the 工作台 entry shows, and the
 * numbers kept for later (their own number for an administrator to add them, the start of their share ids).
 * Until the server answers, the last answer in storage (WeChat keeps each user's apart) stands if it is fresh, and
 * nobody is staff otherwise. The person's own numbers (我的编号, the share prefix) do not change with time, so a stale
 * answer still gives them: a reader who opens the app offline, or before whoami answers, shares with ids that are
 * theirs and counted.
 */
export class IdentityStore {
  staff = false;
  admin = false;
  name: string | null = null;
  myNumber: string | null = null;
  sharePrefix: string | null = null;
  /** When this launch last asked (0: not yet). */
  private askedAt = 0;
  /** Set once the person has looked up 我的编号 to be added: every show asks until they are staff. */
  private awaitingStaff = false;
  private asking: Promise<void> | null = null;

  constructor(private readonly deps: IdentityDeps) {
    const saved = deps.read(KEY) as Saved | undefined;
    if (saved && isWhoAmI(saved.value)) {
      if (this.now() - saved.savedAt < IDENTITY_FRESH_MS) this.apply(saved.value);
      else this.applyNumbers(saved.value);
    }
    makeAutoObservable<IdentityStore, 'deps' | 'askedAt' | 'asking' | 'awaitingStaff'>(this, {
      deps: false,
      askedAt: false,
      asking: false,
      awaitingStaff: false,
    });
  }

  /**
   * App.onShow: asks once at every start — the first show of a launch always, a warm start when the last answer is
   * older than IDENTITY_FRESH_MS. A failed call keeps what was known.
   */
  refresh(): Promise<void> {
    if (this.asking) return this.asking;
    const waiting = this.awaitingStaff && !this.staff;
    if (!waiting && this.askedAt > 0 && this.now() - this.askedAt < IDENTITY_FRESH_MS) return Promise.resolve();
    this.askedAt = this.now();
    this.asking = this.ask().finally(() => {
      this.asking = null;
    });
    return this.asking;
  }

  /**
   * 我的编号 was looked up, to be sent to an administrator: from now on every return to the app asks again (not just
   * after ten minutes), so the 工作台 entry shows as soon as they have been added.
   */
  expectStaff(): void {
    this.awaitingStaff = true;
  }

  /** The reader's share prefix, asking the server first when it has not said yet (a poster needs it). */
  async ensureSharePrefix(): Promise<string | null> {
    if (this.sharePrefix === null) await this.refresh();
    return this.sharePrefix;
  }

  private async ask(): Promise<void> {
    const res = await this.deps.call('admin', 'whoami', {});
    if (!res.ok) {
      // Asked again at the next show rather than in ten minutes.
      this.askedAt = 0;
      return;
    }
    runInAction(() => this.apply(res.data));
    this.deps.write(KEY, { savedAt: this.now(), value: res.data } satisfies Saved);
  }

  private apply(who: WhoAmI): void {
    this.staff = who.staff;
    this.admin = who.admin;
    this.name = who.name;
    this.applyNumbers(who);
  }

  private applyNumbers(who: WhoAmI): void {
    this.myNumber = who.myNumber;
    this.sharePrefix = who.sharePrefix;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }
}
