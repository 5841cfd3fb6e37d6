/** The bench's figures in the order of issue 13: each measures, the orchestrator (scripts/bench.ts) judges. */
import type { Figure } from '../budget';
import { bundles } from './bundles';
import { cloudCost } from './cloud-cost';
import { firstRender } from './first-render';
import { handlerOverhead } from './handler-overhead';
import { importTimes } from './import';
import { underLoad } from './load';
import { packages } from './packages';
import { payloads } from './payloads';
import { statsAtScale } from './stats-scale';
import { trackWrites } from './track-writes';

export interface FigureGroup {
  group: number;
  title: string;
  measure: () => Promise<Figure[]>;
}

export const FIGURES: FigureGroup[] = [
  { group: 0, title: 'content handler overhead', measure: handlerOverhead },
  { group: 1, title: 'payloads as sent', measure: payloads },
  { group: 2, title: 'compiled packages', measure: packages },
  { group: 3, title: 'function bundles', measure: bundles },
  { group: 4, title: 'first render in miniprogram-simulate', measure: firstRender },
  { group: 5, title: 'recording reads on SQLite', measure: trackWrites },
  { group: 6, title: 'cloud cost of counting', measure: cloudCost },
  { group: 7, title: 'statistics at scale', measure: statsAtScale },
  { group: 8, title: 'local server under load', measure: underLoad },
  { group: 9, title: 'import', measure: importTimes },
];
