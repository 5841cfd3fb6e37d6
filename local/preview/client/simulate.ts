/**
 * miniprogram-simulate's browser build (served as /preview/simulate.js, which sets `window.simulate`), typed as
 * far as the preview uses it. It renders with j-component over WeChat's exparser, reading each component's
 * .json/.wxss/.wxml from `window.__FILE_MAP__` and running its JS through `window.require`.
 */
import { app, components, files, modules, pages, templates } from 'wx-preview:app';
import { type LoadedApp, registerApp } from '../../simulate/loader';
import { framePx } from './units';

/** The page (or component) instance: `this` inside its methods. */
export interface Instance {
  data: Record<string, unknown>;
  [method: string]: unknown;
}

export interface Rendered {
  readonly dom: HTMLElement;
  readonly instance: Instance;
  attach(parent: Element): void;
  detach(): void;
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

/** `this` in a built-in's observers and lifetimes: exparser's component, whose `$$` is its DOM element. */
interface BuiltinThis {
  $$?: HTMLElement;
  data: Record<string, unknown>;
  triggerEvent(name: string, detail: unknown): void;
}

interface BuiltinDefinition {
  id: string;
  tagName: string;
  template: string;
  properties: Record<
    string,
    { type: unknown; value?: unknown; observer?: (this: BuiltinThis, value: unknown) => void }
  >;
  attached?: (this: BuiltinThis) => void;
}

interface Simulate {
  load(path: string, tagName: string, options: { rootPath: string; usingComponents?: Record<string, string> }): string;
  load(definition: BuiltinDefinition): string;
  render(id: string): Rendered;
}

declare global {
  interface Window {
    simulate?: Simulate;
    __FILE_MAP__: Record<string, unknown>;
    /** What a component's .js in the file map does: run the bundled module. */
    __wxRun: (path: string) => void;
  }
}

/** The DOM attribute a built-in's property is mirrored to, for the base stylesheet and the share button. */
const mirror = (attribute: string) =>
  function (this: BuiltinThis, value: unknown): void {
    const dom = this.$$;
    if (!dom) return;
    if (value === '' || value === false || value === null || value === undefined) dom.removeAttribute(attribute);
    else dom.setAttribute(attribute, value === true ? '' : String(value));
  };

/**
 * simulate registers every built-in as a bare `<slot/>`, so `<image src>` or `<button open-type>` lose their
 * attributes. The few the app and TDesign rely on are registered again with those properties mirrored to the DOM.
 */
function registerBuiltins(simulate: Simulate): void {
  const builtin = (
    name: string,
    properties: BuiltinDefinition['properties'],
    attached?: BuiltinDefinition['attached'],
  ) =>
    simulate.load({ id: name, tagName: `wx-${name}`, template: '<slot/>', properties, ...(attached && { attached }) });
  builtin('button', {
    openType: { type: String, value: '', observer: mirror('open-type') },
    disabled: { type: Boolean, value: false, observer: mirror('disabled') },
  });
  builtin('image', {
    mode: { type: String, value: 'scaleToFill', observer: mirror('mode') },
    src: {
      type: String,
      value: '',
      observer(value) {
        if (this.$$) this.$$.style.backgroundImage = value ? `url("${String(value)}")` : '';
      },
    },
  });
  registerInput(builtin);
  // `<canvas type="2d">`: a real canvas inside <wx-canvas>, which the shared wx's selector query hands out as the
  // node (see canvasNode in wx.ts), so the staff pages' charts really draw.
  builtin('canvas', { type: { type: String, value: '', observer: mirror('type') } }, function attached() {
    if (this.$$ && !this.$$.querySelector(':scope > canvas')) this.$$.append(document.createElement('canvas'));
  });
  builtin('scroll-view', {
    scrollX: { type: Boolean, value: false, observer: mirror('scroll-x') },
    scrollY: { type: Boolean, value: false, observer: mirror('scroll-y') },
  });
}

/** `<input>`: a real text field inside `<wx-input>`, reporting input/focus/blur/confirm as WeChat's does. */
function registerInput(
  builtin: (
    name: string,
    properties: BuiltinDefinition['properties'],
    attached?: BuiltinDefinition['attached'],
  ) => void,
): void {
  const field = (self: BuiltinThis) => self.$$?.querySelector<HTMLInputElement>(':scope > input') ?? null;
  const sync = (apply: (input: HTMLInputElement, value: unknown) => void) =>
    function (this: BuiltinThis, value: unknown) {
      const input = field(this);
      if (input) apply(input, value);
    };
  const set = {
    value: (input: HTMLInputElement, v: unknown) => {
      if (input.value !== String(v ?? '')) input.value = String(v ?? '');
    },
    placeholder: (input: HTMLInputElement, v: unknown) => {
      input.placeholder = String(v ?? '');
    },
    maxlength: (input: HTMLInputElement, v: unknown) => {
      if (Number(v) >= 0) input.maxLength = Number(v);
      else input.removeAttribute('maxlength');
    },
    disabled: (input: HTMLInputElement, v: unknown) => {
      input.disabled = v === true;
    },
    focus: (input: HTMLInputElement, v: unknown) => {
      if (v === true) setTimeout(() => input.focus({ preventScroll: true }), 0);
    },
  };
  builtin(
    'input',
    {
      value: { type: String, value: '', observer: sync(set.value) },
      placeholder: { type: String, value: '', observer: sync(set.placeholder) },
      maxlength: { type: Number, value: 140, observer: sync(set.maxlength) },
      disabled: { type: Boolean, value: false, observer: sync(set.disabled) },
      focus: { type: Boolean, value: false, observer: sync(set.focus) },
    },
    function attached() {
      if (!this.$$ || field(this)) return;
      const input = document.createElement('input');
      input.type = 'text';
      for (const [name, apply] of Object.entries(set)) apply(input, this.data[name]);
      const detail = () => ({ value: input.value, cursor: input.selectionStart ?? input.value.length, keyCode: 0 });
      input.addEventListener('input', () => this.triggerEvent('input', detail()));
      input.addEventListener('focus', () => this.triggerEvent('focus', { value: input.value, height: 0 }));
      input.addEventListener('blur', () => this.triggerEvent('blur', { value: input.value }));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.triggerEvent('confirm', { value: input.value });
      });
      this.$$.append(input);
    },
  );
}

type Template = (...args: unknown[]) => unknown;

/** A wcc template whose inline styles are in frame px: simulate would read 1rpx as 1px (see units.ts). */
function inFramePx(template: Template): Template {
  const convert = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { attr, children } = node as { attr?: { style?: unknown }; children?: unknown[] };
    if (attr && typeof attr.style === 'string') attr.style = framePx(attr.style);
    children?.forEach(convert);
  };
  return (...args: unknown[]) => {
    const tree = template(...args);
    convert(tree);
    return tree;
  };
}

/** Fills the file map simulate reads: JSON and WXSS text, wcc-compiled templates, and a stub per component JS. */
function fillFileMap(): void {
  const map: Record<string, unknown> = { ...files };
  // Every wcc program keeps its templates in a global __WXML_GLOBAL__ under the same keys ($gwx_1, …), so each
  // gets its own; only the flag saying WXS's built-ins are already set up (once per page) is shared.
  const shared: { wxs_nf_init?: boolean } = {};
  for (const program of templates) {
    const own = Object.create(shared) as { wxs_nf_init?: boolean };
    const gwx = new Function('__WXML_GLOBAL__', `var $gwx;\n${program.code}`)(own) as (path: string) => Template;
    for (const [virtual, inRoot] of Object.entries(program.wxml)) map[virtual] = inFramePx(gwx(inRoot));
    if (own.wxs_nf_init) shared.wxs_nf_init = true;
  }
  for (const path of Object.keys(modules)) map[`${path}.js`] = `window.__wxRun(${JSON.stringify(path)})`;
  window.__FILE_MAP__ = map;
  window.__wxRun = (path) => {
    const run = modules[path];
    if (!run) throw new Error(`preview: no module for ${path}`);
    run();
  };
}

/**
 * Loads the mini-program the way WeChat starts it: app.ts (its `App(...)`), then every component and page
 * (local/simulate/loader.ts).
 */
export function loadApp(): LoadedApp<Rendered> {
  const simulate = window.simulate;
  if (!simulate) throw new Error('miniprogram-simulate did not load (/preview/simulate.js)');
  fillFileMap();
  registerBuiltins(simulate);
  window.__wxRun('/app');
  // simulate adds a component's styles when it renders it at the top level, which it never is in a page.
  return registerApp(simulate, { components, pages }, { registered: (id) => simulate.render(id) });
}

export { app as appConfig, pages as pageConfigs };
