import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { enableShareMenu, openPage, stopPullDownRefresh } from '../../services/navigation';
import { installment } from '../../stores/index';
import { newShareId } from '../../utils/ids';

const SHARE_IMAGE = '/assets/share-5x4.png';

ComponentWithStore({
  storeBindings: {
    store: installment,
    fields: ['status', 'header', 'cards', 'offline', 'errorMessage', 'noteExpanded', 'rootClass'],
    actions: ['toggleNote'],
  },

  methods: {
    onLoad() {
      enableShareMenu();
      void installment.load();
    },

    /** Back from a speech: refresh the read counts (the first show is onLoad's). */
    onShow() {
      const self = this as unknown as { shownBefore?: boolean };
      if (self.shownBefore) void installment.load();
      self.shownBefore = true;
    },

    onPullDownRefresh() {
      void installment.load().finally(stopPullDownRefresh);
    },

    onRetry() {
      void installment.load();
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      openPage(`/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },

    onSearch() {
      openPage('/pages/search/index');
    },

    onShareAppMessage() {
      return {
        title: installment.header?.title ?? '深入学习领会党的二十大精神',
        path: `/pages/installment/index?ch=chat&s=${newShareId()}`,
        imageUrl: SHARE_IMAGE,
      };
    },

    onShareTimeline() {
      return { title: installment.header?.title ?? '深入学习领会党的二十大精神', query: `ch=tl&s=${newShareId()}` };
    },
  },
});
