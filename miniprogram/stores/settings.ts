import { makeAutoObservable } from 'mobx-miniprogram';
import { readItem, writeItem } from '../services/storage';
import { systemFacts } from '../services/system';

export const FONT_STEPS = ['标准', '大', '特大', '超大'] as const;
export type FontStep = 0 | 1 | 2 | 3;
/** Care mode never reads smaller than 特大. */
const CARE_MIN_STEP: FontStep = 2;
/** WeChat's own 关怀模式 sets about 23.8 px; from 22 px on, the reader has asked for large type. */
const LARGE_SYSTEM_FONT_PX = 22;
const LARGE_SYSTEM_SCALE = 1.3;
const KEY = 'esd.settings';

interface Saved {
  fontStep: FontStep;
  careMode: boolean;
}

const clampStep = (n: number): FontStep => Math.min(3, Math.max(0, Math.round(n))) as FontStep;

export function systemWantsLargeType(): boolean {
  const { fontSizeSetting, fontSizeScaleFactor } = systemFacts();
  return (fontSizeSetting ?? 0) >= LARGE_SYSTEM_FONT_PX || (fontSizeScaleFactor ?? 0) >= LARGE_SYSTEM_SCALE;
}

/** The reader's type size and care mode, remembered across launches. */
export class SettingsStore {
  fontStep: FontStep = 0;
  careMode = false;

  constructor() {
    const saved = readItem<Saved>(KEY);
    if (saved) {
      this.fontStep = clampStep(saved.fontStep);
      this.careMode = saved.careMode === true;
    }
    this.followSystem();
    makeAutoObservable(this);
  }

  /**
   * WeChat's 关怀模式 or a large WeChat font always means large type here, whatever was saved before;
   * checked at launch and on every return to the app (App.onShow).
   */
  followSystem(): void {
    if (!systemWantsLargeType()) return;
    this.careMode = true;
    if (this.fontStep < CARE_MIN_STEP) this.fontStep = CARE_MIN_STEP;
  }

  /** Classes for the page root: `fs-0`…`fs-3`, plus `care`. */
  get rootClass(): string {
    return `fs-${this.fontStep}${this.careMode ? ' care' : ''}`;
  }

  get fontLabel(): string {
    return FONT_STEPS[this.fontStep];
  }

  setFontStep(step: number): void {
    this.fontStep = clampStep(this.careMode ? Math.max(step, CARE_MIN_STEP) : step);
    this.save();
  }

  setCareMode(on: boolean): void {
    this.careMode = on;
    if (on && this.fontStep < CARE_MIN_STEP) this.fontStep = CARE_MIN_STEP;
    this.save();
  }

  private save(): void {
    writeItem(KEY, { fontStep: this.fontStep, careMode: this.careMode } satisfies Saved);
  }
}
