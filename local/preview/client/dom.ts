/** A small element builder for the shell: `h('button', { class: 'x', onclick }, '文字')`. */
type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

type ElementOf<K extends string> = K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement;

export function h<K extends string>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): ElementOf<K> {
  const element = document.createElement(tag) as ElementOf<K>;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}
