import { replacePage } from '../../../services/navigation';
import { identity } from '../../../stores/index';
import { defineComponent } from '../../../utils/component';

/**
 * The 工作台's sections; 人员 and 期次 for administrators only. Switching replaces the page, so 返回 always leads back
 * to where 工作台 was opened.
 */
export const STAFF_TABS = [
  { key: 'overview', label: '概览', url: '/staff/pages/overview/index', admin: false },
  { key: 'ranking', label: '排行', url: '/staff/pages/ranking/index', admin: false },
  { key: 'channels', label: '渠道', url: '/staff/pages/channels/index', admin: false },
  { key: 'export', label: '导出', url: '/staff/pages/export/index', admin: false },
  { key: 'people', label: '人员', url: '/staff/pages/people/index', admin: true },
  { key: 'issues', label: '期次', url: '/staff/pages/issues/index', admin: true },
] as const;

const tabsFor = (admin: boolean) =>
  STAFF_TABS.filter((t) => admin || !t.admin).map(({ key, label }) => ({ key, label }));

/** `<staff-tabs current="overview">`. */
defineComponent<{ current: string }>()({
  properties: {
    current: { type: String, value: '' },
  },

  data: {
    tabs: tabsFor(false),
  },

  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { key: string }>) {
      const tab = STAFF_TABS.find((t) => t.key === e.currentTarget.dataset.key);
      if (tab && tab.key !== this.data.current) replacePage(tab.url);
    },
  },

  lifetimes: {
    // whoami is asked at every start, before anyone reaches 工作台; the server refuses non-administrators anyway.
    attached() {
      if (identity.admin) this.setData({ tabs: tabsFor(true) });
    },
  },
});
