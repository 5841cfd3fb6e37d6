import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { copyText } from '../../services/clipboard';
import { getRects } from '../../services/layout';
import { confirmModal, enableShareMenu, openPage, scrollPageTo, stopPullDownRefresh } from '../../services/navigation';
import { entry, identity, installment, settings } from '../../stores/index';
import { balanceLines } from '../../utils/balance';
import { fieldsOf } from '../../utils/bindings';
import { SHARE_TARGET_CHANNEL } from '../../utils/contract.generated';
import { instanceState } from '../../utils/instance-state';
import { throttle } from '../../utils/throttle';

const SHARE_IMAGE = '/assets/share-5x4.png';
const STAFF_HOME = '/staff/pages/overview/index';

/** Scroll events come at up to 60 a second; the anchor card needs a few. */
const SCROLL_THROTTLE_MS = 200;

/**
 * The card at the top of the screen, kept so that a reflow (the reader chose another font size) shows the same card
 * again: how far into it the screen's top was (a share of its height), or, with its top below the screen's top, how
 * far below (px).
 */
interface Anchor {
  id: string;
  within: number;
  gap: number;
}

const cardIdOf = (rect: WechatMiniprogram.BoundingClientRectCallbackResult): string | undefined =>
  (rect.dataset as { id?: string } | undefined)?.id;

interface PageState {
  shownBefore: boolean;
  /** An earlier installment, opened from 往期; none for the newest. */
  id: string | undefined;
  hidden: boolean;
  scrollTop: number;
  anchor: Anchor | null;
  /** The page reflowed while hidden: the anchor card is brought back when it shows. */
  reflowed: boolean;
  onScroll: (((top: number) => void) & { cancel: () => void }) | null;
}

const state = instanceState<PageState>(() => ({
  shownBefore: false,
  id: undefined,
  hidden: false,
  scrollTop: 0,
  anchor: null,
  reflowed: false,
  onScroll: null,
}));

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

  observers: {
    /** A font size or 关怀模式 changed (on the article page, or WeChat's own): the cards reflow. */
    rootClass() {
      const self = state(this);
      if (!self.anchor) return;
      if (self.hidden) self.reflowed = true;
      else void this.keepAnchor();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined> = {}) {
      state(this).onScroll = throttle((top: number) => void this.noteAnchor(top), SCROLL_THROTTLE_MS);
      enableShareMenu();
      state(this).id = query.id || undefined;
      void installment.load(state(this).id);
    },

    /** Back from a speech (or an earlier installment): refresh the read counts (the first show is onLoad's). */
    onShow() {
      const self = state(this);
      self.hidden = false;
      if (self.reflowed) void this.keepAnchor();
      if (self.shownBefore) void installment.load(self.id);
      self.shownBefore = true;
    },

    onHide() {
      const self = state(this);
      self.hidden = true;
      self.onScroll?.cancel();
      void this.noteAnchor(self.scrollTop);
    },

    onUnload() {
      state(this).onScroll?.cancel();
    },

    onPageScroll(e: WechatMiniprogram.Page.IPageScrollOption) {
      state(this).scrollTop = e.scrollTop;
      state(this).onScroll?.(e.scrollTop);
    },

    /** Which card is at the top of the screen now (none at the very top of the page: that stays the top). */
    async noteAnchor(top: number) {
      const self = state(this);
      if (top <= 0) {
        self.anchor = null;
        return;
      }
      const rects = await getRects(this, '.card');
      const first = rects.find((r) => r.bottom > 0 && r.height > 0);
      const id = first && cardIdOf(first);
      self.anchor =
        first && id ? { id, within: first.top < 0 ? -first.top / first.height : 0, gap: Math.max(0, first.top) } : null;
    },

    /** After a reflow: scrolls so the anchor card is where it was at the top of the screen, whatever its new size. */
    async keepAnchor() {
      const self = state(this);
      self.reflowed = false;
      const anchor = self.anchor;
      if (!anchor) return;
      await new Promise<void>((resolve) => wx.nextTick(resolve));
      const rect = (await getRects(this, '.card')).find((r) => cardIdOf(r) === anchor.id);
      if (!rect || rect.height <= 0) return;
      const wantedTop = anchor.gap > 0 ? anchor.gap : -anchor.within * rect.height;
      const target = Math.max(0, Math.round(self.scrollTop + rect.top - wantedTop));
      if (target === Math.round(self.scrollTop)) return;
      self.scrollTop = target;
      scrollPageTo(target);
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
