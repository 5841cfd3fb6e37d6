import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { openPage } from '../../services/navigation';
import { search, settings } from '../../stores/index';
import { fieldsOf } from '../../utils/bindings';

ComponentWithStore({
  storeBindings: {
    store: search,
    fields: { ...fieldsOf(search, ['q', 'status', 'rows', 'errorMessage']), ...fieldsOf(settings, ['rootClass']) },
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
      openPage(`/pages/article/index?id=${id}${block ? `&b=${block}` : ''}&q=${encodeURIComponent(search.q.trim())}`);
    },

    onUnload() {
      search.clear();
    },
  },
});
