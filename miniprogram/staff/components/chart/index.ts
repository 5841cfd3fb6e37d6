import { settings } from '../../../stores/index';
import { defineComponent } from '../../../utils/component';
import { instanceState } from '../../../utils/instance-state';
import { canvas2d } from '../../services/canvas';
import { isDark, watchTheme } from '../../services/theme';
import { type ChartSpec, chartOptions } from '../../utils/chart-options';
import { formatFigure } from '../../utils/format';
import UCharts from '../../vendor/u-charts';

interface ChartState {
  chart: UCharts | null;
  /** Each draw's number: a draw whose canvas arrives after a newer one started is dropped. */
  draws: number;
  attached: boolean;
  stopWatching: () => void;
}

const state = instanceState<ChartState>(() => ({
  chart: null,
  draws: 0,
  attached: false,
  stopWatching: () => undefined,
}));

/**
 * `<staff-chart spec="{{…}}">`: draws a ChartSpec with uCharts on a canvas 2d, in the page's type step and colour
 * scheme. Without a canvas node (miniprogram-simulate) it draws nothing: the page's figures beside it say the same.
 */
defineComponent<{ spec: ChartSpec | null; label: string; height: number }>()({
  properties: {
    spec: { type: Object, value: null },
    /** What the chart shows, for screen readers. */
    label: { type: String, value: '' },
    /** rpx. */
    height: { type: Number, value: 420 },
  },

  methods: {
    async draw(): Promise<void> {
      const self = state(this);
      const { spec } = this.data;
      const draw = ++self.draws;
      if (!spec || spec.categories.length === 0) return;
      const canvas = await canvas2d(this, '#chart');
      if (!canvas || draw !== self.draws || !self.attached) return;
      const look = { dark: isDark(), fontStep: settings.fontStep, care: settings.careMode };
      self.chart = new UCharts({ ...chartOptions(spec, look, canvas), context: canvas.context });
    },

    /** A tap on a day or a bar shows its values. */
    onTouch(e: WechatMiniprogram.TouchEvent): void {
      if (!e.changedTouches?.[0]) return;
      state(this).chart?.showToolTip(e, {
        formatter: (item, category) => `${category ?? ''} ${item.name} ${formatFigure(item.data)}`,
      });
    },
  },

  observers: {
    spec() {
      if (state(this).attached) void this.draw();
    },
  },

  lifetimes: {
    attached() {
      const self = state(this);
      self.attached = true;
      self.stopWatching = watchTheme(() => void this.draw());
      // A chart that appears with its page's data (inside wx:if) may get no `ready` of its own: draw once attached.
      void this.draw();
    },
    ready() {
      void this.draw();
    },
    detached() {
      const self = state(this);
      self.attached = false;
      self.chart = null;
      self.stopWatching();
    },
  },
});
