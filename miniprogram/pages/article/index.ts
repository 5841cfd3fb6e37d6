import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { CENTER_NAME } from '../../config';
import { drawToFile } from '../../services/canvas';
import { getRect, getRects } from '../../services/layout';
import { enableShareMenu, goHome, replacePage, scrollPageTo } from '../../services/navigation';
import { windowHeight } from '../../services/system';
import { article, entry, installment, poster, settings, shareCards } from '../../stores/index';
import { PROGRESS_EVERY_MS } from '../../stores/reading';
import { scrollMemory } from '../../stores/scroll-memory';
import { FONT_STEPS } from '../../stores/settings';
import { balanceLines } from '../../utils/balance';
import { fieldsOf } from '../../utils/bindings';
import { CHAT_CARD, POSTER, poster as posterLayout, shareCard, TIMELINE_CARD } from '../../utils/cards';
import { ID_FORMATS, SHARE_TARGET_CHANNEL } from '../../utils/contract.generated';
import { articlePath, articleQuery, targetOf } from '../../utils/entry';
import { newShareId } from '../../utils/ids';
import { instanceState } from '../../utils/instance-state';
import { throttle } from '../../utils/throttle';

const SHARE_IMAGE = '/assets/share-5x4.png';
const BLOCK_ID = new RegExp(ID_FORMATS.short);
/** Scroll events come at up to 60 a second; the progress bar needs a few. */
const SCROLL_THROTTLE_MS = 200;
/** A paragraph a search result named lands this far below the top of the screen. */
const JUMP_MARGIN_PX = 16;
/** Below the progress bar: what counts as the top of the screen when choosing the paragraph to keep in place. */
const TOP_INSET_PX = 8;

/** The search hit marked after a jump: its paragraph, and the word in it when the paragraph's text holds it. */
interface Mark {
  id: string;
  before: string;
  word: string;
  after: string;
}

/** Where the reader is: the element at the top of the screen, in page coordinates, and the screen's top. */
interface Place {
  id: string;
  top: number;
  height: number;
  view: number;
}

const decodeQuery = (raw: string | undefined): string => {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
};

interface PageState {
  /** The page went away (or to the background) while its speech was still loading. */
  gone: boolean;
  hidden: boolean;
  /** The page's scroll position, as the last scroll event said (not throttled). */
  scrollTop: number;
  contentHeight: number;
  /** contentHeight was measured with the speech on the page (not the error or loading view a reload replaced). */
  measuredSpeech: boolean;
  /** Where the page jumped to for a search hit: scrolling well away from it takes the mark off. */
  markTop: number | null;
  /** Type size changes one after another, each keeping the place the one before left. */
  placing: Promise<void>;
  onScroll: (((top: number) => void) & { cancel: () => void }) | null;
  progressTimer: ReturnType<typeof setInterval> | null;
}

const state = instanceState<PageState>(() => ({
  gone: false,
  hidden: false,
  scrollTop: 0,
  contentHeight: 0,
  measuredSpeech: false,
  markTop: null,
  placing: Promise.resolve(),
  onScroll: null,
  progressTimer: null,
}));

ComponentWithStore({
  storeBindings: {
    store: article,
    fields: {
      ...fieldsOf(article, [
        'status',
        'article',
        'readCountText',
        'offline',
        'errorMessage',
        'missing',
        'notSaved',
        'saved',
        'progress',
      ]),
      // A bad or old link offers the installment's speeches instead.
      ...fieldsOf(installment, ['cards']),
      ...fieldsOf(settings, ['rootClass', 'fontStep', 'careMode', 'fontLabel']),
      // Titles broken into even lines for the chosen size: no character left alone on a last line.
      titleText: () => balanceLines(article.article?.title ?? '', settings.lineChars.title),
      prevTitle: () => balanceLines(article.article?.prev?.title ?? '', settings.lineChars.body),
      nextTitle: () => balanceLines(article.article?.next?.title ?? '', settings.lineChars.body),
      ...fieldsOf(entry, ['singlePage']),
      ...fieldsOf(poster, ['posterSheet']),
    },
    actions: ['retry'],
  },

  data: {
    fontLabels: [...FONT_STEPS],
    centerName: CENTER_NAME,
    /** The bottom bar's font steps are open. */
    fontPanel: false,
    mark: null as Mark | null,
  },

  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const self = state(this);
      self.onScroll = throttle((top: number) => this.trackScroll(top), SCROLL_THROTTLE_MS);
      enableShareMenu();
      const { articleId } = targetOf(query);
      if (!articleId) {
        article.reset();
        article.setMissing();
        void installment.load();
        return;
      }
      await article.load(articleId, query);
      if (self.gone) return;
      if (article.missing) {
        void installment.load();
        return;
      }
      this.prepareCards();
      await this.measure();
      await this.restorePosition(articleId, query);
      if (self.hidden) article.pauseReading();
      else this.startProgressTimer();
    },

    onUnload() {
      state(this).gone = true;
      poster.close();
      this.savePosition();
      this.stopProgressTimer();
      state(this).onScroll?.cancel();
      article.reset();
    },

    onHide() {
      state(this).hidden = true;
      this.savePosition();
      this.stopProgressTimer();
      article.pauseReading();
    },

    onShow() {
      const self = state(this);
      self.hidden = false;
      if (self.progressTimer === null && article.status === 'ready') {
        article.resumeReading();
        this.startProgressTimer();
      }
    },

    startProgressTimer() {
      state(this).progressTimer = setInterval(() => article.tickReading(), PROGRESS_EVERY_MS);
    },

    stopProgressTimer() {
      const self = state(this);
      if (self.progressTimer) clearInterval(self.progressTimer);
      self.progressTimer = null;
    },

    onPageScroll(e: WechatMiniprogram.Page.IPageScrollOption) {
      const self = state(this);
      self.scrollTop = e.scrollTop;
      if (self.markTop !== null && Math.abs(e.scrollTop - self.markTop) > windowHeight() / 2) {
        self.markTop = null;
        this.setData({ mark: null });
      }
      self.onScroll?.(e.scrollTop);
    },

    trackScroll(top: number) {
      const self = state(this);
      // The speech came in after the page was measured (重新加载, or by itself when the network returned): measure
      // it first, or the short error view's height would make the first scroll read as reading to the end.
      if (!self.measuredSpeech && article.status === 'ready') {
        void this.measure();
        return;
      }
      const scrollable = self.contentHeight - windowHeight();
      if (scrollable > 0) article.setProgress((top / scrollable) * 100);
      if (self.contentHeight > 0) article.scrolled(Math.min(1, (top + windowHeight()) / self.contentHeight));
    },

    /** The rendered page's height, once the render has happened: what the progress bar divides by. */
    async measure() {
      await new Promise<void>((resolve) => wx.nextTick(resolve));
      const self = state(this);
      self.measuredSpeech = article.status === 'ready';
      self.contentHeight = (await getRect(this, '.page'))?.height ?? 0;
    },

    /**
     * Back to where the reader left off; from search, to the paragraph the hit is in, marked (`b`), or for a hit in
     * the title or the speaker, to the top, where they are (`q` without `b`).
     */
    async restorePosition(articleId: string, query: Record<string, string | undefined>) {
      const blockId = query.b;
      if (blockId && BLOCK_ID.test(blockId)) {
        // In page coordinates, as keepPlace measures: right wherever the page sits on the screen.
        const [root, rect] = await Promise.all([getRect(this, '.page'), getRect(this, `#b-${blockId}`)]);
        if (!root || !rect) return;
        const top = Math.max(0, Math.round(rect.top - root.top - JUMP_MARGIN_PX));
        scrollPageTo(top);
        state(this).scrollTop = top;
        this.markHit(blockId, decodeQuery(query.q), top);
        return;
      }
      if (query.q !== undefined) return;
      const top = scrollMemory.recall(articleId);
      if (top > 0) scrollPageTo(top);
    },

    /** Marks the paragraph a search hit is in, and the word searched for when the paragraph's text holds it. */
    markHit(blockId: string, q: string, top: number) {
      const block = article.article?.blocks.find((b) => b.id === blockId);
      if (!block) return;
      const at = q ? block.text.indexOf(q) : -1;
      const mark: Mark =
        at >= 0
          ? { id: blockId, before: block.text.slice(0, at), word: q, after: block.text.slice(at + q.length) }
          : { id: blockId, before: '', word: '', after: '' };
      state(this).markTop = top;
      this.setData({ mark });
    },

    savePosition() {
      const id = article.article?.id;
      if (id) scrollMemory.remember(id, state(this).scrollTop);
    },

    onFontStep(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { step: number }>) {
      const step = Number(e.currentTarget.dataset.step);
      void this.keepPlace(() => settings.setFontStep(step));
    },

    onCareToggle() {
      void this.keepPlace(() => settings.setCareMode(!settings.careMode));
    },

    /** The bottom bar's 字号: opens (or closes) the font steps where the reader is. */
    onFontPanel() {
      this.setData({ fontPanel: !this.data.fontPanel });
    },

    /**
     * Changes the type size with the reader's place kept: what was at the top of the screen is there again after the
     * text reflows — the same paragraph, scrolled as far into it (in proportion) as before.
     */
    keepPlace(change: () => void): Promise<void> {
      const self = state(this);
      self.placing = self.placing.then(async () => {
        const before = await this.place();
        change();
        // The bindings send the new size on the next tick; this tick comes after theirs, the query after the render.
        await new Promise<void>((resolve) => wx.nextTick(resolve));
        if (before) {
          const [root, rect] = await Promise.all([getRect(this, '.page'), getRect(this, `#${before.id}`)]);
          if (root && rect) {
            const into = before.view - before.top;
            const scaled = into > 0 && before.height > 0 ? (into / before.height) * rect.height : into;
            const top = Math.max(0, Math.round(rect.top - root.top + scaled));
            scrollPageTo(top);
            self.scrollTop = top;
          }
        }
        await this.measure();
      });
      return self.placing;
    },

    /** The first element of the speech (title, font bar, heading or paragraph) still showing at the top of the screen. */
    async place(): Promise<Place | null> {
      const [root, rects] = await Promise.all([getRect(this, '.page'), getRects(this, '.place')]);
      if (!root) return null;
      const view = state(this).scrollTop;
      const found = rects.find((r) => r.id && r.top - root.top + r.height > view + TOP_INSET_PX);
      return found ? { id: found.id, top: found.top - root.top, height: found.height, view } : null;
    },

    onNeighbour(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.savePosition();
      replacePage(`/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },

    /** From the list a bad link (or an unsaved speech offline) shows: that speech in place of this page. */
    onOpenListed(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      replacePage(`/pages/article/index?id=${e.currentTarget.dataset.id}`);
    },

    onHome() {
      this.savePosition();
      goHome();
    },

    /** The speech's own share images, drawn once it shows (not in 朋友圈 single-page mode, which cannot share). */
    prepareCards() {
      const text = article.cardText();
      if (!text || entry.singlePage) return;
      shareCards.prepare(text.id, (kind) => {
        const size = kind === 'chat' ? CHAT_CARD : TIMELINE_CARD;
        return drawToFile(this, '#card-canvas', size, (measure) => shareCard(text, size, measure));
      });
    },

    /**
     * WeChat takes the answer at once, or waits up to 3 seconds for `promise` (base library 2.12+): a card still
     * being drawn comes through the promise, and the generic image stands in if it does not make it.
     */
    onShareAppMessage() {
      const current = article.article;
      if (!current) return { title: '深入学习领会党的二十大精神', path: '/pages/installment/index' };
      const shareId = article.share('chat') ?? newShareId();
      const card = shareCards.chat(current.id);
      const share = {
        title: current.title,
        path: articlePath(current.id, SHARE_TARGET_CHANNEL.chat, shareId),
        imageUrl: typeof card === 'string' ? card : SHARE_IMAGE,
      };
      if (!(card instanceof Promise)) return share;
      return { ...share, promise: card.then((drawn) => ({ ...share, imageUrl: drawn ?? SHARE_IMAGE })) };
    },

    /** 朋友圈 takes no promise: the square card when it is drawn, else the generic image. */
    onShareTimeline() {
      const current = article.article;
      if (!current) return { title: '深入学习领会党的二十大精神' };
      const shareId = article.share('timeline') ?? newShareId();
      return {
        title: current.title,
        query: articleQuery(current.id, SHARE_TARGET_CHANNEL.timeline, shareId),
        imageUrl: shareCards.timeline(current.id) ?? SHARE_IMAGE,
      };
    },

    /** 生成海报: the speech's code for the poster channel, drawn with its title, speaker and opening. */
    onPoster() {
      const text = article.cardText();
      if (!text) return;
      void poster.make(text.id, (code) =>
        drawToFile(this, '#poster-canvas', POSTER, (measure) => posterLayout(text, measure), { code }),
      );
    },

    onPosterSave() {
      void poster.save();
    },

    onPosterSettings() {
      void poster.openSettings();
    },

    onPosterClose() {
      poster.close();
    },
  },
});
