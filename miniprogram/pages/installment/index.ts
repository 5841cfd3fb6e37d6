import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { copyText } from '../../services/clipboard';
import { confirmModal, enableShareMenu, openPage, stopPullDownRefresh } from '../../services/navigation';
import { entry, identity, installment, settings } from '../../stores/index';
import { balanceLines } from '../../utils/balance';
import { fieldsOf } from '../../utils/bindings';
import { SHARE_TARGET_CHANNEL } from '../../utils/contract.generated';
import { instanceState } from '../../utils/instance-state';

const SHARE_IMAGE = '/assets/share-5x4.png';
const STAFF_HOME = '/staff/pages/overview/index';

/** `id`: an earlier installment, opened from 往期; none for the newest. */
const state = instanceState(() => ({ shownBefore: false, id: undefined as string | undefined }));

ComponentWithStore({
  storeBindings: {
    store: installment,
    fields: {
      ...fieldsOf(installment, ['status', 'header', 'cards', 'past', 'offline', 'errorMessage', 'noteExpanded']),
      ...fieldsOf(settings, ['rootClass']),
      // The masthead in even lines at the chosen size (no “…二十大精 / 神”).
      mastheadTitle: () => balanceLines(installment.header?.title ?? '', settings.lineChars.title),
      ...fieldsOf(entry, ['singlePage']),
      // Changes (and so renders) only when whoami's answer differs from what the page first showed.
      ...fieldsOf(identity, ['staff']),
    },
    actions: ['toggleNote'],
  },

  data: {
    /** 朋友圈 single-page mode: the card the reader tapped, which then says how to read it (前往小程序). */
    hintId: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined> = {}) {
      enableShareMenu();
      state(this).id = query.id || undefined;
      void installment.load(state(this).id);
    },

    /** Back from a speech (or an earlier installment): refresh the read counts (the first show is onLoad's). */
    onShow() {
      const self = state(this);
      if (self.shownBefore) void installment.load(self.id);
      self.shownBefore = true;
    },

    onPullDownRefresh() {
      void installment.load(state(this).id).finally(stopPullDownRefresh);
    },

    onRetry() {
      void installment.load(state(this).id);
    },

    /** 往期: an earlier installment on a page of its own; 返回 comes back to the newest. */
    onPast(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      openPage(`/pages/installment/index?id=${e.currentTarget.dataset.id}`);
    },

    /**
     * 我的编号: the person's own number (their openid), for an administrator to add them as staff — asked for
     * rarely, so a quiet link rather than a field on the page.
     */
    async onMyNumber() {
      identity.expectStaff();
      const number = identity.myNumber ?? (await identity.refresh().then(() => identity.myNumber));
      if (!number) {
        await confirmModal({ title: '我的编号', content: '暂时取不到你的编号，请联网后再试。', showCancel: false });
        return;
      }
      const copy = await confirmModal({
        title: '我的编号',
        content: `${number}\n\n要成为工作人员，请把这个编号发给管理员。`,
        confirmText: '复制',
        cancelText: '关闭',
      });
      if (copy) await copyText(number);
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      // 朋友圈 single-page mode allows no navigation; WeChat's own bar leads into the mini-program: the card says so.
      if (entry.singlePage) {
        this.setData({ hintId: e.currentTarget.dataset.id });
        return;
      }
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
        path: `/pages/installment/index?${this.issueQuery()}ch=${SHARE_TARGET_CHANNEL.chat}`,
        imageUrl: SHARE_IMAGE,
      };
    },

    onShareTimeline() {
      return {
        title: installment.header?.title ?? '深入学习领会党的二十大精神',
        query: `${this.issueQuery()}ch=${SHARE_TARGET_CHANNEL.timeline}`,
      };
    },

    /** An earlier installment's page shares that installment. */
    issueQuery(): string {
      const { id } = state(this);
      return id ? `id=${id}&` : '';
    },
  },
});
