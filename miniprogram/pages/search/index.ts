import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { openPage } from '../../services/navigation';
import { search } from '../../stores/index';

ComponentWithStore({
  storeBindings: {
    store: search,
    fields: ['q', 'status', 'rows', 'errorMessage', 'rootClass'],
    actions: ['clear'],
  },

  methods: {
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      search.setQuery(e.detail.value);
    },

    onSubmit() {
      void search.search();
    },

    onOpen(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; block: string }>,
    ) {
      const { id, block } = e.currentTarget.dataset;
      openPage(`/pages/article/index?id=${id}${block ? `&b=${block}` : ''}`);
    },

    onUnload() {
      search.clear();
    },
  },
});
