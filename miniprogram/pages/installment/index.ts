import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { enableShareMenu, openPage, stopPullDownRefresh } from '../../services/navigation';
import { entry, identity, installment, settings } from '../../stores/index';
import { fieldsOf } from '../../utils/bindings';
import { SHARE_TARGET_CHANNEL } from '../../utils/contract.generated';
import { instanceState } from '../../utils/instance-state';

const SHARE_IMAGE = '/assets/share-5x4.png';
const STAFF_HOME = '/staff/pages/overview/index';

const state = instanceState(() => ({ shownBefore: false }));

ComponentWithStore({
  storeBindings: {
    store: installment,
    fields: {
      ...fieldsOf(installment, ['status', 'header', 'cards', 'offline', 'errorMessage', 'noteExpanded']),
      ...fieldsOf(settings, ['rootClass']),
      ...fieldsOf(entry, ['singlePage']),
      // Changes (and so renders) only when whoami's answer differs from what the page first showed.
      ...fieldsOf(identity, ['staff']),
    },
    actions: ['toggleNote'],
  },

  methods: {
    onLoad() {
      enableShareMenu();
      void installment.load();
    },

    /** Back from a speech: refresh the read counts (the first show is onLoad's). */
    onShow() {
      const self = state(this);
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
      // 朋友圈 single-page mode allows no navigation; WeChat's own bar leads into the mini-program.
      if (entry.singlePage) return;
      openPage(`/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },

    onSearch() {
      openPage('/pages/search/index');
    },

    /** 工作台: the staff subpackage, downloaded the first time a staff member opens it. */
    onStaff() {
      openPage(STAFF_HOME);
    },

    onShareAppMessage() {
      return {
        title: installment.header?.title ?? '深入学习领会党的二十大精神',
        // No share id: a share of the whole installment names no speech, and share events are per speech.
        path: `/pages/installment/index?ch=${SHARE_TARGET_CHANNEL.chat}`,
        imageUrl: SHARE_IMAGE,
      };
    },

    onShareTimeline() {
      return {
        title: installment.header?.title ?? '深入学习领会党的二十大精神',
        query: `ch=${SHARE_TARGET_CHANNEL.timeline}`,
      };
    },
  },
});
