import type { ModalOptions, ToastIcon } from '../../simulate/wx';
import { h } from './dom';

export interface ShareCard {
  title: string;
  path: string;
  imageUrl?: string;
  /** Where it was shared to: 微信好友 or 朋友圈. */
  target: string;
}

const GHOST_CLICK_MS = 400;

/** WeChat's toast, modal and action sheet, and the share card, drawn over the phone screen as plain DOM. */
export class Overlays {
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private toastElement: HTMLElement | null = null;

  constructor(private readonly root: HTMLElement) {}

  toast(title: string, icon: ToastIcon = 'success', duration = 1500): void {
    this.hideToast();
    const mark = { success: '✓', error: '✕', loading: '…', none: '' }[icon];
    this.toastElement = h(
      'div',
      { class: `wx-toast${mark ? '' : ' wx-toast-text'}`, role: 'status' },
      mark ? h('div', { class: 'wx-toast-icon' }, mark) : null,
      h('div', {}, title),
    );
    this.root.append(this.toastElement);
    this.toastTimer = setTimeout(() => this.hideToast(), duration);
  }

  hideToast(): void {
    clearTimeout(this.toastTimer);
    this.toastElement?.remove();
    this.toastElement = null;
  }

  /** wx.showModal (also WeChat's own questions, such as the album permission): resolves true for the confirm button. */
  modal(options: ModalOptions): Promise<boolean> {
    return new Promise((resolve) => {
      // The click a browser makes after the tap that opened the dialog lands where that tap was, often on one of its
      // buttons: it must not answer it.
      const opened = Date.now();
      const close = (confirm: boolean) => {
        if (Date.now() - opened < GHOST_CLICK_MS) return;
        mask.remove();
        resolve(confirm);
      };
      const mask: HTMLElement = h(
        'div',
        { class: 'wx-mask' },
        h(
          'div',
          { class: 'wx-modal', role: 'dialog', 'aria-label': options.title ?? '提示' },
          options.title ? h('div', { class: 'wx-modal-title' }, options.title) : null,
          options.content ? h('div', { class: 'wx-modal-content' }, options.content) : null,
          h(
            'div',
            { class: 'wx-modal-actions' },
            options.showCancel === false
              ? null
              : h('button', { class: 'wx-modal-cancel', onclick: () => close(false) }, options.cancelText ?? '取消'),
            h('button', { class: 'wx-modal-confirm', onclick: () => close(true) }, options.confirmText ?? '确定'),
          ),
        ),
      );
      this.root.append(mask);
    });
  }

  /** Resolves with the chosen index, or null when cancelled. */
  actionSheet(items: string[]): Promise<number | null> {
    return new Promise((resolve) => {
      const close = (index: number | null) => {
        mask.remove();
        resolve(index);
      };
      const mask: HTMLElement = h(
        'div',
        { class: 'wx-mask wx-mask-bottom', onclick: (e) => e.target === mask && close(null) },
        h(
          'div',
          { class: 'wx-sheet', role: 'menu' },
          ...items.map((item, i) => h('button', { role: 'menuitem', onclick: () => close(i) }, item)),
          h('button', { class: 'wx-sheet-cancel', onclick: () => close(null) }, '取消'),
        ),
      );
      this.root.append(mask);
    });
  }

  /** What the reader's friend would receive, with ways to open it. */
  shareCard(card: ShareCard, actions: Array<{ label: string; run: () => void }>): void {
    const close = () => mask.remove();
    const mask: HTMLElement = h(
      'div',
      { class: 'wx-mask' },
      h(
        'div',
        { class: 'wx-share', role: 'dialog', 'aria-label': '分享卡片' },
        h('div', { class: 'wx-share-to' }, `分享到${card.target}`),
        h(
          'div',
          { class: 'wx-share-card' },
          h('div', { class: 'wx-share-title' }, card.title),
          card.imageUrl ? h('img', { class: 'wx-share-image', src: card.imageUrl, alt: '' }) : null,
          h('div', { class: 'wx-share-brand' }, '小程序'),
        ),
        h('code', { class: 'wx-share-path' }, card.path),
        h(
          'div',
          { class: 'wx-share-actions' },
          ...actions.map((a) =>
            h(
              'button',
              {
                onclick: () => {
                  close();
                  a.run();
                },
              },
              a.label,
            ),
          ),
          h('button', { onclick: close }, '关闭'),
        ),
      ),
    );
    this.root.append(mask);
  }
}
