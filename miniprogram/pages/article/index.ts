import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { enableShareMenu, replacePage, scrollPageTo } from '../../services/navigation';
import { windowHeight } from '../../services/system';
import { article, settings } from '../../stores/index';
import { PROGRESS_EVERY_MS } from '../../stores/reading';
import { scrollMemory } from '../../stores/scroll-memory';
import { FONT_STEPS } from '../../stores/settings';
import { ID_FORMATS, SHARE_TARGET_CHANNEL } from '../../utils/contract.generated';
import { articlePath, articleQuery, targetOf } from '../../utils/entry';
import { newShareId } from '../../utils/ids';
import { throttle } from '../../utils/throttle';

const SHARE_IMAGE = '/assets/share-5x4.png';
const BLOCK_ID = new RegExp(ID_FORMATS.short);
/** Scroll events come at up to 60 a second; the progress bar needs a few. */
const SCROLL_THROTTLE_MS = 200;

interface Instance {
  /** The page went away (or to the background) while its speech was still loading. */
  gone: boolean;
  hidden: boolean;
  scrollTop: number;
  contentHeight: number;
  onScroll: ((top: number) => void) & { cancel: () => void };
  progressTimer: ReturnType<typeof setInterval> | null;
}

ComponentWithStore({
  storeBindings: {
    store: article,
    fields: [
      'status',
      'article',
      'readCountText',
      'offline',
      'errorMessage',
      'progress',
      'rootClass',
      'fontStep',
      'careMode',
      'singlePage',
    ],
    actions: ['retry'],
  },

  data: {
    fontLabels: [...FONT_STEPS],
  },

  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const self = this as unknown as Instance;
      self.gone = false;
      self.hidden = false;
      self.scrollTop = 0;
      self.contentHeight = 0;
      self.onScroll = throttle((top: number) => this.trackScroll(top), SCROLL_THROTTLE_MS);
      enableShareMenu();
      const { articleId } = targetOf(query);
      if (!articleId) {
        article.reset();
        article.setMissing();
        return;
      }
      await article.load(articleId, query);
      if (self.gone) return;
      this.afterRender(() => this.restorePosition(articleId, query.b));
      if (self.hidden) article.pauseReading();
      else this.startProgressTimer();
    },

    onUnload() {
      (this as unknown as Instance).gone = true;
      this.savePosition();
      this.stopProgressTimer();
      (this as unknown as Instance).onScroll?.cancel();
      article.reset();
    },

    onHide() {
      (this as unknown as Instance).hidden = true;
      this.savePosition();
      this.stopProgressTimer();
      article.pauseReading();
    },

    onShow() {
      const self = this as unknown as Instance;
      self.hidden = false;
      if (self.progressTimer === null && article.status === 'ready') {
        article.resumeReading();
        this.startProgressTimer();
      }
    },

    startProgressTimer() {
      const self = this as unknown as Instance;
      self.progressTimer = setInterval(() => article.tickReading(), PROGRESS_EVERY_MS);
    },

    stopProgressTimer() {
      const self = this as unknown as Instance;
      if (self.progressTimer) clearInterval(self.progressTimer);
      self.progressTimer = null;
    },

    onPageScroll(e: WechatMiniprogram.Page.IPageScrollOption) {
      (this as unknown as Instance).onScroll(e.scrollTop);
    },

    trackScroll(top: number) {
      const self = this as unknown as Instance;
      self.scrollTop = top;
      const scrollable = self.contentHeight - windowHeight();
      if (scrollable > 0) article.setProgress((top / scrollable) * 100);
      if (self.contentHeight > 0) article.scrolled(Math.min(1, (top + windowHeight()) / self.contentHeight));
    },

    afterRender(then: () => void) {
      wx.nextTick(() => {
        this.createSelectorQuery()
          .select('.page')
          .boundingClientRect((rect) => {
            (this as unknown as Instance).contentHeight = rect?.height ?? 0;
            then();
          })
          .exec();
      });
    },

    /** Back to where the reader left off, or to the paragraph a search result named. */
    restorePosition(articleId: string, blockId: string | undefined) {
      if (blockId && BLOCK_ID.test(blockId)) {
        this.createSelectorQuery()
          .select(`#b-${blockId}`)
          .boundingClientRect((rect) => {
            if (rect) scrollPageTo(rect.top - 16);
          })
          .exec();
        return;
      }
      const top = scrollMemory.recall(articleId);
      if (top > 0) scrollPageTo(top);
    },

    savePosition() {
      const id = article.article?.id;
      if (id) scrollMemory.remember(id, (this as unknown as Instance).scrollTop ?? 0);
    },

    onFontStep(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { step: number }>) {
      settings.setFontStep(Number(e.currentTarget.dataset.step));
      this.afterRender(() => undefined);
    },

    onCareToggle() {
      settings.setCareMode(!settings.careMode);
      this.afterRender(() => undefined);
    },

    onNeighbour(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.savePosition();
      replacePage(`/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },

    onHome() {
      replacePage('/pages/installment/index');
    },

    onShareAppMessage() {
      const current = article.article;
      if (!current) return { title: '深入学习领会党的二十大精神', path: '/pages/installment/index' };
      const shareId = article.share('chat') ?? newShareId();
      return {
        title: current.title,
        path: articlePath(current.id, SHARE_TARGET_CHANNEL.chat, shareId),
        imageUrl: SHARE_IMAGE,
      };
    },

    onShareTimeline() {
      const current = article.article;
      if (!current) return { title: '深入学习领会党的二十大精神' };
      const shareId = article.share('timeline') ?? newShareId();
      return {
        title: current.title,
        query: articleQuery(current.id, SHARE_TARGET_CHANNEL.timeline, shareId),
        imageUrl: SHARE_IMAGE,
      };
    },
  },
});
