import path from 'node:path';
import { collectSources, type PreviewSources } from '../../../local/preview/sources';
import { registerApp } from '../../../local/simulate/loader';
import type * as Stores from '../../../miniprogram/stores/index';

const repoRoot = path.join(__dirname, '../../..');

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

let sources: PreviewSources | null = null;

/** The preview's sources, read once: which components the pages use, in what order, under which tags. */
function appSources(): PreviewSources {
  sources ??= collectSources(repoRoot);
  return sources;
}

/** A mini-program path on disk, in the root (the app, or an npm package's miniprogram_dist) that holds it. */
function locate(virtual: string): string {
  const { roots } = appSources();
  const root = Object.keys(roots).find((r) => r !== '/' && `${virtual}/`.startsWith(`${r}/`)) ?? '/';
  return path.join(roots[root] as string, root === '/' ? virtual : virtual.slice(root.length));
}

/** A page by its short name — 'article', or 'staff/ranking' for a staff subpackage page — as its route. */
export const routeOf = (name: string): string =>
  name.startsWith('staff/') ? `staff/pages/${name.slice('staff/'.length)}/index` : `pages/${name}/index`;

interface AppDefinition {
  onLaunch?(options: unknown): void;
  onShow?(options: unknown): void;
}

/**
 * A fresh app: new module instances (so stores start empty, as on a new launch) over whatever the
 * wx stub's storage holds, and a way to open its pages the way WeChat does.
 */
export function freshApp() {
  jest.resetModules();
  const simulate = require('miniprogram-simulate') as Simulate;
  const stores = require('../../../miniprogram/stores/index') as typeof Stores;
  const app = registerApp(simulate, appSources(), { locate });

  /** Starts the app as WeChat does: app.ts's App.onLaunch, then App.onShow, with the stub's entry options. */
  async function launch(): Promise<void> {
    let definition: AppDefinition = {};
    const globals = globalThis as unknown as { App?: (d: AppDefinition) => void; wx: Record<string, () => unknown> };
    globals.App = (d) => {
      definition = d;
    };
    require('../../../miniprogram/app');
    const options = globals.wx.getLaunchOptionsSync?.();
    definition.onLaunch?.(options);
    definition.onShow?.(options);
    await settle(simulate);
  }

  /** A page rendered and attached, before WeChat calls its onLoad. */
  function mount(name: string): OpenedPage {
    const page = app.render(routeOf(name)) as PageComponent;
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

  return { simulate, stores, launch, mount, open, settle: () => settle(simulate) };
}

/** Lets pending promises, nextTick-batched setData and selector queries run. */
async function settle(simulate: Simulate): Promise<void> {
  for (let i = 0; i < 4; i++) await simulate.sleep(5);
}

export const call = <T>(page: PageComponent, method: string, ...args: unknown[]): T =>
  (page.instance[method] as unknown as (...a: unknown[]) => T)(...args);

/** Taps one of the app's buttons (components/ui-button) the way a finger does: on the native button inside it. */
export function tapButton(page: PageComponent, selector: string): void {
  const host = page.querySelector(selector);
  if (!host) throw new Error(`no ${selector} on the page`);
  const inner = host.querySelector('.ui-button');
  if (!inner) throw new Error(`${selector} is not a ui-button`);
  inner.dispatchEvent('tap');
}
