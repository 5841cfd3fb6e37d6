import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { confirmModal } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { issues } from '../../stores/index';

type IdEvent = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

/** 期次 (administrators): each installment's publication date; taking it offline and putting it back online. */
ComponentWithStore({
  storeBindings: {
    store: issues,
    fields: {
      ...fieldsOf(issues, ['status', 'errorMessage', 'issues', 'drafts', 'message', 'messageFor']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  methods: {
    onLoad() {
      void issues.load();
    },

    onRetry() {
      void issues.load();
    },

    onDate(e: WechatMiniprogram.Input & { currentTarget: { dataset: { id: string } } }) {
      issues.setDraft(e.currentTarget.dataset.id, e.detail.value);
    },

    onSaveDate(e: IdEvent) {
      void issues.saveDate(e.currentTarget.dataset.id);
    },

    async onOffline(e: IdEvent) {
      const { id } = e.currentTarget.dataset;
      const sure = await confirmModal({
        title: '下线这一期？',
        content: '读者将看不到这一期和它的发言，已印出的码打开时会说“已下线”；阅读数保留，随时可以重新上线。',
        confirmText: '下线',
      });
      if (sure) await issues.setOnline(id, false);
    },

    onOnline(e: IdEvent) {
      void issues.setOnline(e.currentTarget.dataset.id, true);
    },
  },
});
