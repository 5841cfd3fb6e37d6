import path from 'node:path';
import type * as Stores from '../../../miniprogram/stores/index';

const miniprogramRoot = path.join(__dirname, '../../../miniprogram');
const tdesignRoot = path.join(__dirname, '../../../node_modules/tdesign-miniprogram/miniprogram_dist');
/** The TDesign components pages use; DevTools resolves them from miniprogram_npm, tests from node_modules. */
const TDESIGN = {
  't-button': 'button/button',
  't-skeleton': 'skeleton/skeleton',
  't-empty': 'empty/empty',
  't-search': 'search/search',
};

type Simulate = typeof import('miniprogram-simulate');
export type PageComponent = ReturnType<Simulate['render']> & {
  attach: (parent: Element) => void;
  instance: Record<string, (...args: never[]) => unknown> & { data: Record<string, unknown> };
};

export interface OpenedPage {
  page: PageComponent;
  /** Every setData the page made since it was created, with the size of its payload. */
  setDataCalls: Array<{ keys: string[]; bytes: number }>;
  text: () => string;
  $: (selector: string) => ReturnType<PageComponent['querySelector']>;
}

/**
 * A fresh app: new module instances (so stores start empty, as on a new launch) over whatever the
 * wx stub's storage holds, and a way to open its pages the way WeChat does.
 */
export function freshApp() {
  jest.resetModules();
  const simulate = require('miniprogram-simulate') as Simulate;
  const stores = require('../../../miniprogram/stores/index') as typeof Stores;
  const components = Object.fromEntries(
    Object.entries(TDESIGN).map(([tag, file]) => [
      tag,
      simulate.load(path.join(tdesignRoot, file), tag, { rootPath: tdesignRoot }),
    ]),
  );

  /** A page rendered and attached, before WeChat calls its onLoad. */
  function mount(name: string): OpenedPage {
    const id = simulate.load(path.join(miniprogramRoot, 'pages', name, 'index'), {
      rootPath: miniprogramRoot,
      usingComponents: components,
    });
    const page = simulate.render(id) as PageComponent;
    const setDataCalls: OpenedPage['setDataCalls'] = [];
    const original = page.instance.setData as unknown as (data: Record<string, unknown>, cb?: () => void) => void;
    (page.instance as unknown as { setData: typeof original }).setData = function (this: unknown, data, cb) {
      setDataCalls.push({ keys: Object.keys(data), bytes: Buffer.byteLength(JSON.stringify(data)) });
      return original.call(this, data, cb);
    };
    page.attach(document.createElement('parent-wrapper'));
    return {
      page,
      setDataCalls,
      text: () => (page.dom?.textContent ?? '').replace(/\s+/g, ' '),
      $: (selector) => page.querySelector(selector),
    };
  }

  async function open(name: string, query: Record<string, string> = {}): Promise<OpenedPage> {
    const opened = mount(name);
    const onLoad = opened.page.instance.onLoad as unknown as
      | ((q: Record<string, string>) => Promise<void> | void)
      | undefined;
    await onLoad?.call(opened.page.instance, query);
    await settle(simulate);
    return opened;
  }

  return { simulate, stores, mount, open, settle: () => settle(simulate) };
}

/** Lets pending promises, nextTick-batched setData and selector queries run. */
async function settle(simulate: Simulate): Promise<void> {
  for (let i = 0; i < 4; i++) await simulate.sleep(5);
}

export const call = <T>(page: PageComponent, method: string, ...args: unknown[]): T =>
  (page.instance[method] as unknown as (...a: unknown[]) => T)(...args);

/** Taps a TDesign button the way a finger does: on the native button inside it. */
export function tapButton(page: PageComponent, selector: string): void {
  const host = page.querySelector(selector);
  if (!host) throw new Error(`no ${selector} on the page`);
  const inner = host.querySelector('.t-button');
  if (!inner) throw new Error(`${selector} is not a t-button`);
  inner.dispatchEvent('tap');
}
