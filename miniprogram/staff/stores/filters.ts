import { makeAutoObservable } from 'mobx-miniprogram';
import type { StatsRange } from '../../../typings/contract';

/** The range every staff page shows: chosen on one page, kept on the next. */
export class StaffFilters {
  range: StatsRange = 'today';

  constructor() {
    makeAutoObservable(this);
  }

  setRange(range: StatsRange): void {
    this.range = range;
  }
}
