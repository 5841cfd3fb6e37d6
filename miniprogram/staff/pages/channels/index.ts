import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange } from '../../../../typings/contract';
import { openPage, stopPullDownRefresh } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { instanceState } from '../../../utils/instance-state';
import { CHANNEL_TYPES } from '../../stores/channel-maker';
import { channelMaker, channels, filters } from '../../stores/index';
import { RANGES } from '../../utils/format';

const state = instanceState(() => ({ shownBefore: false }));

/**
 * 渠道: reads and readers per node of the matrix (报/台/网/微/端/屏), then per channel, grouped by kind; a matrix node or
 * a staff-made channel opens its codes; 新建渠道 makes one.
 */
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
      ...fieldsOf(channelMaker, ['form', 'busy', 'message', 'made']),
      ...fieldsOf(filters, ['range']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  data: {
    ranges: [...RANGES],
    types: CHANNEL_TYPES,
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

    /** A matrix node or a staff-made channel: its codes, one per speech. */
    onChannel(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { code: string }>) {
      const { code } = e.currentTarget.dataset;
      if (code) openPage(`/staff/pages/code/index?ch=${code}`);
    },

    onName(e: WechatMiniprogram.Input) {
      channelMaker.setForm({ name: e.detail.value });
    },

    onCode(e: WechatMiniprogram.Input) {
      channelMaker.setForm({ code: e.detail.value });
    },

    onType(e: WechatMiniprogram.CustomEvent<{ value: (typeof CHANNEL_TYPES)[number]['value'] }>) {
      channelMaker.setForm({ type: e.detail.value });
    },

    onCreate() {
      void channelMaker.create();
    },
  },
});
