/** The phone: status bar, WeChat's title bar (back, home, title, capsule), the page viewport and overlays. */
import { h } from './dom';
import { FRAME } from './frame';
import { THEME_ATTRIBUTE } from './theme';

export interface ChromeView {
  title: string;
  canGoBack: boolean;
  showHome: boolean;
  background: string;
  textColor: 'white' | 'black';
  dark: boolean;
  online: boolean;
  singlePage: boolean;
}

export interface Chrome {
  phone: HTMLElement;
  viewport: HTMLElement;
  overlays: HTMLElement;
  panel: HTMLElement;
  render(view: ChromeView): void;
}

export function createChrome(
  container: HTMLElement,
  actions: { back(): void; home(): void; more(): void; restart(): void },
): Chrome {
  const title = h('div', { class: 'nav-title', 'data-testid': 'nav-title' });
  const back = h('button', { class: 'nav-back', 'aria-label': '返回', onclick: () => actions.back() }, '‹');
  const home = h('button', { class: 'nav-home', 'aria-label': '回到首页', onclick: () => actions.home() }, '⌂');
  const network = h('span', { class: 'status-network' });
  const status = h(
    'div',
    { class: 'status-bar', style: `height:${FRAME.statusBarHeight}px` },
    h('span', {}, '9:41'),
    h('span', { class: 'status-icons' }, network, '100%'),
  );
  const nav = h(
    'div',
    { class: 'nav-bar' },
    back,
    home,
    title,
    h(
      'div',
      { class: 'capsule' },
      h('button', { 'aria-label': '更多', onclick: () => actions.more() }, '···'),
      h('button', { 'aria-label': '重新进入小程序', onclick: () => actions.restart() }, '◎'),
    ),
  );
  const viewport = h('div', { class: 'viewport' });
  const overlays = h('div', { class: 'overlays' });
  const banner = h('div', { class: 'single-page-banner' }, '朋友圈单页模式：仅浏览，不能跳转其他页面');
  const phone = h(
    'div',
    {
      class: 'phone',
      style: `width:${FRAME.width}px;height:${FRAME.height}px`,
      'aria-label': '小程序预览',
    },
    status,
    nav,
    viewport,
    banner,
    overlays,
  );
  nav.style.height = `${FRAME.navigationBarHeight}px`;
  const panel = h('aside', { class: 'panel', 'aria-label': '预览设置' });
  container.append(h('div', { class: 'stage' }, phone), panel);

  return {
    phone,
    viewport,
    overlays,
    panel,
    render(view) {
      phone.setAttribute(THEME_ATTRIBUTE, view.dark ? 'dark' : 'light');
      title.textContent = view.title;
      back.hidden = !view.canGoBack;
      home.hidden = !view.showHome;
      for (const bar of [status, nav]) {
        bar.style.background = view.background;
        bar.style.color = view.textColor === 'white' ? '#ffffff' : '#000000';
      }
      network.textContent = view.online ? 'Wi-Fi ' : '无网络 ';
      banner.hidden = !view.singlePage;
      document.title = `${view.title} · 小程序预览`;
    },
  };
}
