import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { confirmModal, scrollPageTo } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { instanceState } from '../../../utils/instance-state';
import { channelCode } from '../../stores/index';

const state = instanceState(() => ({ channel: '' }));

/**
 * A channel's codes (`?ch=<channel>`): choose a speech and its code shows large — to save to the album and print,
 * or to open on a computer by its link; its plain path for 公众号 menus.
 */
ComponentWithStore({
  storeBindings: {
    store: channelCode,
    fields: {
      ...fieldsOf(channelCode, [
        'status',
        'errorMessage',
        'channelName',
        'channelSub',
        'custom',
        'retired',
        'issues',
        'codeStatus',
        'code',
        'codeMessage',
        'retireMessage',
        'copied',
        'album',
      ]),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      state(this).channel = query.ch ?? '';
      void channelCode.load(state(this).channel);
    },

    onUnload() {
      channelCode.reset();
    },

    onRetry() {
      void channelCode.load(state(this).channel);
    },

    onChoose(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      scrollPageTo(0);
      void channelCode.choose(e.currentTarget.dataset.id);
    },

    onSave() {
      void channelCode.save();
    },

    onSettings() {
      void channelCode.openSettings();
    },

    onCopyPath() {
      void channelCode.copyPath();
    },

    onCopyImage() {
      void channelCode.copyImage();
    },

    async onRetire() {
      const sure = await confirmModal({
        title: `停用“${channelCode.channelName}”？`,
        content: '已印出的码照常计入这个渠道，只是不能再生成新码。停用后不能恢复。',
        confirmText: '停用',
      });
      if (sure) await channelCode.retire();
    },
  },
});
