import { WxFailure } from '../../simulate/wx';
import { h } from './dom';
import type { Instance, Rendered } from './simulate';
import { parseUrl } from './state';

/** WeChat's page stack holds at most ten pages; navigateTo fails beyond that. */
const MAX_PAGES = 10;
const PULL_PX = 70;

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  rendered: Rendered;
  /** The `<page>` element: the page's scroll container, and what WXSS `page` selectors match. */
  element: HTMLElement;
  scrollTop: number;
}

export interface NavigationDeps {
  viewport: HTMLElement;
  render(route: string): Rendered;
  hasPage(route: string): boolean;
  pullDownRefresh(route: string): boolean;
  /** The stack changed: redraw the title bar. */
  changed(): void;
}

/** Calls a page method if it has one; a throwing or rejecting page is reported, never breaks the stack. */
function lifecycle(instance: Instance, name: string, ...args: unknown[]): void {
  const method = instance[name];
  if (typeof method !== 'function') return;
  try {
    const result: unknown = method.apply(instance, args);
    if (result instanceof Promise) result.catch((error: unknown) => console.error(`[preview] ${name}`, error));
  } catch (error) {
    console.error(`[preview] ${name}`, error);
  }
}

/** The page stack: navigateTo/redirectTo/navigateBack/reLaunch with each page's lifecycle, scroll and pull-down. */
export class Navigation {
  private stack: OpenPage[] = [];

  constructor(private readonly deps: NavigationDeps) {}

  get pages(): readonly OpenPage[] {
    return this.stack;
  }

  get top(): OpenPage | undefined {
    return this.stack.at(-1);
  }

  navigateTo(url: string): void {
    if (this.stack.length >= MAX_PAGES) throw new WxFailure('webview count limit exceed');
    const target = this.resolve(url);
    if (this.top) this.hidePage(this.top);
    this.push(target.route, target.query);
  }

  redirectTo(url: string): void {
    const target = this.resolve(url);
    const old = this.stack.pop();
    if (old) this.unload(old);
    this.push(target.route, target.query);
  }

  navigateBack(delta = 1): void {
    if (this.stack.length <= 1) throw new WxFailure('cannot navigate back at first page.');
    const count = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < count; i++) {
      const page = this.stack.pop();
      if (page) this.unload(page);
    }
    if (this.top) this.showPage(this.top);
    this.deps.changed();
  }

  reLaunch(url: string): void {
    const target = this.resolve(url);
    for (const page of this.stack.splice(0).reverse()) this.unload(page);
    this.push(target.route, target.query);
  }

  /** The app went to the background (a warm start is coming). */
  hide(): void {
    if (this.top) this.hidePage(this.top);
  }

  show(): void {
    if (this.top) this.showPage(this.top);
  }

  scrollTo(scrollTop: number): void {
    const top = this.top;
    if (top) top.element.scrollTop = scrollTop;
  }

  startPullDownRefresh(): void {
    const top = this.top;
    if (!top || top.element.classList.contains('wx-refreshing')) return;
    top.element.scrollTop = 0;
    top.element.classList.add('wx-refreshing');
    lifecycle(top.rendered.instance, 'onPullDownRefresh');
  }

  stopPullDownRefresh(): void {
    for (const page of this.stack) page.element.classList.remove('wx-refreshing');
  }

  private resolve(url: string): { route: string; query: Record<string, string> } {
    const target = parseUrl(url);
    if (!this.deps.hasPage(target.route)) throw new WxFailure(`page "${target.route}" is not found`);
    return target;
  }

  private push(route: string, query: Record<string, string>): void {
    const element = h('page', { class: 'wx-page', 'data-route': route });
    element.append(h('div', { class: 'wx-refresh', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')));
    this.deps.viewport.append(element);
    const rendered = this.deps.render(route);
    const page: OpenPage = { route, query, rendered, element, scrollTop: 0 };
    // What getCurrentPages() gives: the page instance with its route and options.
    Object.assign(rendered.instance, { route, options: { ...query } });
    rendered.attach(element);
    this.stack.push(page);
    element.addEventListener(
      'scroll',
      () => {
        page.scrollTop = element.scrollTop;
        lifecycle(rendered.instance, 'onPageScroll', { scrollTop: element.scrollTop });
      },
      { passive: true },
    );
    if (this.deps.pullDownRefresh(route)) this.enablePullDown(page);
    this.deps.changed();
    lifecycle(rendered.instance, 'onLoad', { ...query });
    this.showPage(page);
    lifecycle(rendered.instance, 'onReady');
  }

  private showPage(page: OpenPage): void {
    page.element.hidden = false;
    page.element.scrollTop = page.scrollTop;
    lifecycle(page.rendered.instance, 'onShow');
    page.rendered.triggerPageLifeTime('show');
  }

  private hidePage(page: OpenPage): void {
    page.scrollTop = page.element.scrollTop;
    lifecycle(page.rendered.instance, 'onHide');
    page.rendered.triggerPageLifeTime('hide');
    page.element.hidden = true;
  }

  private unload(page: OpenPage): void {
    lifecycle(page.rendered.instance, 'onUnload');
    page.rendered.detach();
    page.element.remove();
  }

  /** Pulling down at the top of the page: a wheel scrolled up hard, or a finger dragged down. */
  private enablePullDown(page: OpenPage): void {
    const { element } = page;
    let wheel = 0;
    let startY: number | null = null;
    element.addEventListener(
      'wheel',
      (e) => {
        if (element.scrollTop > 0 || e.deltaY >= 0) {
          wheel = 0;
          return;
        }
        wheel -= e.deltaY;
        if (wheel > PULL_PX * 3) {
          wheel = 0;
          this.startPullDownRefresh();
        }
      },
      { passive: true },
    );
    element.addEventListener('touchstart', (e) => {
      startY = element.scrollTop === 0 ? (e.touches[0]?.clientY ?? null) : null;
    });
    element.addEventListener('touchend', (e) => {
      const endY = e.changedTouches[0]?.clientY;
      if (startY !== null && endY !== undefined && endY - startY > PULL_PX) this.startPullDownRefresh();
      startY = null;
    });
  }
}
