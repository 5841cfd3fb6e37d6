import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange } from '../../../../typings/contract';
import { stopPullDownRefresh } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { instanceState } from '../../../utils/instance-state';
import { channels, filters } from '../../stores/index';
import { RANGES } from '../../utils/format';

const state = instanceState(() => ({ shownBefore: false }));

/** 渠道: reads and readers per node of the matrix (报/台/网/微/端/屏), then per channel, grouped by kind. */
ComponentWithStore({
  storeBindings: {
    store: channels,
    fields: {
      ...fieldsOf(channels, [
        'status',
        'errorMessage',
        'stale',
        'nodes',
        'nodesChart',
        'groups',
        'periodText',
        'asOfText',
        'uvNote',
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
    onLoad() {
      void channels.load();
    },

    onShow() {
      const self = state(this);
      if (self.shownBefore) void channels.load();
      self.shownBefore = true;
    },

    onPullDownRefresh() {
      void channels.load().finally(stopPullDownRefresh);
    },

    onRange(e: WechatMiniprogram.CustomEvent<{ value: StatsRange }>) {
      filters.setRange(e.detail.value);
      void channels.load();
    },

    onRetry() {
      void channels.load();
    },
  },
});
