import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange } from '../../../../typings/contract';
import { stopPullDownRefresh } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { instanceState } from '../../../utils/instance-state';
import { filters, overview } from '../../stores/index';
import { RANGES } from '../../utils/format';

const state = instanceState(() => ({ shownBefore: false }));

/** 概览: the site's live figures for a range, against the period before, and the daily trend. */
ComponentWithStore({
  storeBindings: {
    store: overview,
    fields: {
      ...fieldsOf(overview, [
        'status',
        'errorMessage',
        'stale',
        'cards',
        'periodText',
        'asOfText',
        'anonNote',
        'trend',
        'trendTitle',
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
      void overview.load();
    },

    /** Back from another page (or the range changed there): the figures are live, so read them again. */
    onShow() {
      const self = state(this);
      if (self.shownBefore) void overview.load();
      self.shownBefore = true;
    },

    onPullDownRefresh() {
      void overview.load().finally(stopPullDownRefresh);
    },

    onRange(e: WechatMiniprogram.CustomEvent<{ value: StatsRange }>) {
      filters.setRange(e.detail.value);
      void overview.load();
    },

    onRetry() {
      void overview.load();
    },
  },
});
