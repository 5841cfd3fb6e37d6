import { makeAutoObservable } from 'mobx-miniprogram';
import { readItem, writeItem } from '../services/storage';
import { systemFacts } from '../services/system';
import { type LineChars, lineCharsAt } from '../utils/type-scale';

export const FONT_STEPS = ['标准', '大', '特大', '超大'] as const;
export type FontStep = 0 | 1 | 2 | 3;
/** Turning care mode on brings the type up to 特大 (the reader may then pick another size). */
const CARE_STEP: FontStep = 2;
/** WeChat's own 关怀模式 sets about 23.8 px; from 22 px on, the reader has asked for large type. */
const LARGE_SYSTEM_FONT_PX = 22;
const LARGE_SYSTEM_SCALE = 1.3;
/** WeChat's font "大" is 20 px (standard 17 on iOS, 16 on Android): one step up here. */
const BIG_SYSTEM_FONT_PX = 19;
const KEY = 'esd.settings';

/** What WeChat's own font setting asks for: 0 standard, 1 its "大", 2 its 关怀模式 or larger. */
export type SystemLevel = 0 | 1 | 2;

interface Saved {
  fontStep: FontStep;
  careMode: boolean;
  /** The system level the reader made this choice under (absent in older saves: standard). */
  system?: SystemLevel;
}

const clampStep = (n: number): FontStep => Math.min(3, Math.max(0, Math.round(n))) as FontStep;

export function systemLevel(): SystemLevel {
  const { fontSizeSetting, fontSizeScaleFactor } = systemFacts();
  const px = fontSizeSetting ?? 0;
  if (px >= LARGE_SYSTEM_FONT_PX || (fontSizeScaleFactor ?? 0) >= LARGE_SYSTEM_SCALE) return 2;
  return px >= BIG_SYSTEM_FONT_PX ? 1 : 0;
}

/**
 * The reader's type size and care mode. WeChat's own font setting is the default until the reader chooses; the
 * reader's explicit choice then wins and is remembered across launches and returns from the background — until
 * WeChat's setting itself changes (a newer wish than the choice), when the system's default applies again.
 */
export class SettingsStore {
  fontStep: FontStep = 0;
  careMode = false;
  private saved: Saved | null = null;

  constructor() {
    const saved = readItem<Saved>(KEY);
    if (saved) {
      this.saved = {
        fontStep: clampStep(saved.fontStep),
        careMode: saved.careMode === true,
        system: saved.system === 1 || saved.system === 2 ? saved.system : 0,
      };
    }
    this.followSystem();
    makeAutoObservable(this);
  }

  /** Checked at launch and on every return to the app (App.onShow). */
  followSystem(): void {
    const level = systemLevel();
    if (this.saved && this.saved.system === level) {
      this.fontStep = this.saved.fontStep;
      this.careMode = this.saved.careMode;
      return;
    }
    this.fontStep = level;
    this.careMode = level === 2;
  }

  /** Classes for the page root: `fs-0`…`fs-3`, plus `care`. */
  get rootClass(): string {
    return `fs-${this.fontStep}${this.careMode ? ' care' : ''}`;
  }

  get fontLabel(): string {
    return FONT_STEPS[this.fontStep];
  }

  /** How many characters a title line and a body line hold at the chosen size (for balancing titles). */
  get lineChars(): LineChars {
    return lineCharsAt(this.fontStep);
  }

  /** The reader's size, as they picked it: care mode never overrides it. */
  setFontStep(step: number): void {
    this.fontStep = clampStep(step);
    this.save();
  }

  /** Care mode: darker text, larger buttons; turning it on also brings the type up to 特大. */
  setCareMode(on: boolean): void {
    this.careMode = on;
    if (on && this.fontStep < CARE_STEP) this.fontStep = CARE_STEP;
    this.save();
  }

  private save(): void {
    this.saved = { fontStep: this.fontStep, careMode: this.careMode, system: systemLevel() };
    writeItem(KEY, this.saved);
  }
}
