import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange } from '../../../../typings/contract';
import { stopPullDownRefresh } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { articleStats, filters } from '../../stores/index';
import { RANGES } from '../../utils/format';

/** One speech's figures: trend, channels, the share chain and completion. Opened from 排行 with `?id=`. */
ComponentWithStore({
  storeBindings: {
    store: articleStats,
    fields: {
      ...fieldsOf(articleStats, [
        'status',
        'errorMessage',
        'stale',
        'article',
        'cards',
        'periodText',
        'asOfText',
        'anonNote',
        'trend',
        'channels',
        'channelsHeight',
        'funnel',
        'completionText',
      ]),
      ...fieldsOf(filters, ['range']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  data: {
    ranges: [...RANGES],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (!query.id) {
        articleStats.missing();
        return;
      }
      void articleStats.open(query.id);
    },

    onUnload() {
      articleStats.reset();
    },

    onPullDownRefresh() {
      void articleStats.load().finally(stopPullDownRefresh);
    },

    onRange(e: WechatMiniprogram.CustomEvent<{ value: StatsRange }>) {
      filters.setRange(e.detail.value);
      void articleStats.load();
    },

    onRetry() {
      void articleStats.load();
    },
  },
});
