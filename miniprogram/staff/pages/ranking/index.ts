import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange, StatsSort } from '../../../../typings/contract';
import { openPage, stopPullDownRefresh } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { instanceState } from '../../../utils/instance-state';
import { filters, ranking } from '../../stores/index';
import { SORTS } from '../../stores/ranking';
import { RANGES } from '../../utils/format';

const state = instanceState(() => ({ shownBefore: false }));

/** 排行: speeches by the chosen figure; a tap opens the speech's detail. */
ComponentWithStore({
  storeBindings: {
    store: ranking,
    fields: {
      ...fieldsOf(ranking, [
        'status',
        'errorMessage',
        'stale',
        'sort',
        'rows',
        'periodText',
        'asOfText',
        'uvNote',
        'anonNote',
      ]),
      ...fieldsOf(filters, ['range']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  data: {
    ranges: [...RANGES],
    sorts: [...SORTS],
  },

  methods: {
    onLoad() {
      void ranking.load();
    },

    onShow() {
      const self = state(this);
      if (self.shownBefore) void ranking.load();
      self.shownBefore = true;
    },

    onPullDownRefresh() {
      void ranking.load().finally(stopPullDownRefresh);
    },

    onRange(e: WechatMiniprogram.CustomEvent<{ value: StatsRange }>) {
      filters.setRange(e.detail.value);
      void ranking.load();
    },

    onSort(e: WechatMiniprogram.CustomEvent<{ value: StatsSort }>) {
      void ranking.setSort(e.detail.value);
    },

    onRetry() {
      void ranking.load();
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      openPage(`/staff/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },
  },
});
