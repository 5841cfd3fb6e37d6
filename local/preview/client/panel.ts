/** The side panel: who is reading, the network, how they arrived, how the phone looks, and what the app sent. */
import { type CallLog, describe } from './calls';
import { h } from './dom';
import {
  type Entry,
  FONT_SIZES,
  type FontSizeId,
  IDENTITIES,
  type IdentityId,
  type PreviewState,
  SCENES,
  type SceneId,
} from './state';

export interface PanelActions {
  setIdentity(id: IdentityId): void;
  setOnline(on: boolean): void;
  /** A warm start with this entry. */
  enter(entry: Entry): void;
  restart(): void;
  setDark(on: boolean): void;
  setFontSize(id: FontSizeId): void;
}

export interface Speech {
  id: string;
  title: string;
}

/** Newspaper, broadcast, website… the matrix codes a QR code or link may carry (typings/contract/attribution.ts). */
const CHANNELS = { bao: '报纸', tai: '广播电视', wang: '网站', wei: '公众号', duan: '客户端', ping: '户外大屏' };

const section = (title: string, ...children: Array<Node | null>) => h('section', {}, h('h2', {}, title), ...children);

function options<T extends string>(entries: Array<[T, string]>, selected: T) {
  return entries.map(([value, label]) => h('option', { value, selected: value === selected }, label));
}

export function createPanel(
  root: HTMLElement,
  state: PreviewState,
  calls: CallLog,
  routes: { home: string; article: string },
  speeches: Promise<Speech[]>,
  actions: PanelActions,
): void {
  const identity = h(
    'div',
    { class: 'choices', role: 'radiogroup', 'aria-label': '身份' },
    ...Object.entries(IDENTITIES).map(([id, { label, openid }]) =>
      h(
        'label',
        { title: `x-openid: ${openid}` },
        h('input', {
          type: 'radio',
          name: 'identity',
          value: id,
          checked: id === state.identity,
          onchange: () => actions.setIdentity(id as IdentityId),
        }),
        label,
      ),
    ),
  );

  const online = h('input', {
    type: 'checkbox',
    checked: state.online,
    onchange: () => actions.setOnline(online.checked),
  });
  const dark = h('input', { type: 'checkbox', checked: state.dark, onchange: () => actions.setDark(dark.checked) });
  const fontSize = h(
    'select',
    { onchange: () => actions.setFontSize(fontSize.value as FontSizeId) },
    ...options(
      Object.entries(FONT_SIZES).map(([id, f]): [FontSizeId, string] => [
        id as FontSizeId,
        `${f.label} · ${f.fontSizeSetting}px`,
      ]),
      state.fontSize,
    ),
  );

  const scene = h(
    'select',
    { 'aria-label': '进入场景', onchange: () => showChannel() },
    ...options(
      Object.entries(SCENES).map(([id, s]): [SceneId, string] => [id as SceneId, `${s.label}（${s.scene}）`]),
      (Object.entries(SCENES).find(([, s]) => s.scene === state.entry.scene)?.[0] as SceneId | undefined) ?? 'main',
    ),
  );
  const landing = h('select', { 'aria-label': '落地页' }, h('option', { value: '' }, '首页'));
  void speeches.then((list) => {
    for (const s of list) landing.append(h('option', { value: s.id }, s.title));
  });
  const channel = h(
    'select',
    { 'aria-label': '渠道码' },
    ...options(Object.entries(CHANNELS) as Array<[string, string]>, 'bao'),
  );
  const channelRow = h('label', {}, '小程序码渠道 ', channel);
  const showChannel = () => {
    channelRow.hidden = scene.value !== 'qr';
  };
  showChannel();

  const enter = () => {
    const id = scene.value as SceneId;
    const s: { scene: number; chatType?: number; apiCategory?: string } = SCENES[id];
    const articleId = landing.value;
    const query: Record<string, string> = {};
    if (id === 'qr') {
      // A QR code made by wxacode.getUnlimited carries `scene`; WeChat hands it to the page URL-encoded.
      query.scene = encodeURIComponent(articleId ? `a=${articleId}&c=${channel.value}` : `c=${channel.value}`);
    } else {
      if (articleId) query.id = articleId;
      if (id === 'mp') query.ch = 'wei';
    }
    actions.enter({
      scene: s.scene,
      path: articleId ? routes.article : routes.home,
      query,
      ...(s.chatType !== undefined && { chatType: s.chatType }),
      ...(s.apiCategory !== undefined && { apiCategory: s.apiCategory }),
    });
  };
  const enterButton = h('button', { type: 'button', onclick: enter }, '从这里进入（热启动）');

  const list = h('ol', { class: 'calls', 'aria-label': '云函数调用', reversed: true });
  const renderCalls = () => {
    const items = [...calls.all()]
      .reverse()
      .map((r) =>
        h(
          'li',
          { class: `call call-${r.outcome}`, 'data-seq': r.seq, title: JSON.stringify(r.input, null, 1) },
          h('span', { class: 'call-who' }, r.who),
          ' ',
          describe(r),
        ),
      );
    list.replaceChildren(...items);
  };
  calls.subscribe(renderCalls);
  renderCalls();

  root.append(
    h('h1', {}, '小程序预览'),
    section(
      '身份',
      identity,
      h(
        'p',
        { class: 'hint' },
        '换身份即以该微信用户冷启动，本地存储各自独立。工作人员（npm start 默认是管理员）在首页看到“工作台”。',
      ),
    ),
    section(
      '网络',
      h('label', {}, online, ' 联网'),
      h('p', { class: 'hint' }, '断网时 wx.cloud.callFunction 失败（request:fail）。'),
    ),
    section(
      '进入方式',
      h('label', {}, '场景 ', scene),
      h('label', {}, '落地页 ', landing),
      channelRow,
      h(
        'div',
        { class: 'row' },
        enterButton,
        h('button', { type: 'button', onclick: () => actions.restart() }, '冷启动'),
      ),
    ),
    section('外观', h('label', {}, dark, ' 深色模式'), h('label', {}, '微信字体 ', fontSize)),
    section('云函数调用', h('button', { type: 'button', class: 'link', onclick: () => calls.clear() }, '清空'), list),
  );
}
