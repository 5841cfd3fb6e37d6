import { replacePage } from '../../../services/navigation';
import { defineComponent } from '../../utils/component';

/** The 工作台's sections. Switching replaces the page, so 返回 always leads back to where 工作台 was opened. */
export const STAFF_TABS = [
  { key: 'overview', label: '概览', url: '/staff/pages/overview/index' },
  { key: 'ranking', label: '排行', url: '/staff/pages/ranking/index' },
  { key: 'channels', label: '渠道', url: '/staff/pages/channels/index' },
  { key: 'export', label: '导出', url: '/staff/pages/export/index' },
] as const;

/** `<staff-tabs current="overview">`. */
defineComponent<{ current: string }>()({
  properties: {
    current: { type: String, value: '' },
  },

  data: {
    tabs: STAFF_TABS.map(({ key, label }) => ({ key, label })),
  },

  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const tab = STAFF_TABS.find((t) => t.key === e.currentTarget.dataset.key);
      if (tab && tab.key !== this.data.current) replacePage(tab.url);
    },
  },
});
