import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import type { StatsRange } from '../../../../typings/contract';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { exporter, filters } from '../../stores/index';
import { RANGES } from '../../utils/format';

/** 导出: the CSV of a range, made on request; its link is copied (WeChat cannot open a CSV itself). */
ComponentWithStore({
  storeBindings: {
    store: exporter,
    fields: {
      ...fieldsOf(exporter, ['status', 'errorMessage', 'file', 'copied']),
      ...fieldsOf(filters, ['range']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  data: {
    ranges: [...RANGES],
  },

  methods: {
    onRange(e: WechatMiniprogram.CustomEvent<{ value: StatsRange }>) {
      filters.setRange(e.detail.value);
      exporter.reset();
    },

    onMake() {
      void exporter.make();
    },

    onCopy() {
      void exporter.copyLink();
    },

    onUnload() {
      exporter.reset();
    },
  },
});
