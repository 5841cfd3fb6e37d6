import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { confirmModal } from '../../../services/navigation';
import { settings } from '../../../stores/index';
import { fieldsOf } from '../../../utils/bindings';
import { people } from '../../stores/index';
import { ROLES, type StaffRole } from '../../stores/people';

/** 人员 (administrators): who is staff; add a person by the number from their 我的编号; remove one. */
ComponentWithStore({
  storeBindings: {
    store: people,
    fields: {
      ...fieldsOf(people, ['status', 'errorMessage', 'people', 'form', 'busy', 'message']),
      ...fieldsOf(settings, ['rootClass']),
    },
    actions: [],
  },

  data: {
    roles: [...ROLES],
  },

  methods: {
    onLoad() {
      void people.load();
    },

    onRetry() {
      void people.load();
    },

    onNumber(e: WechatMiniprogram.Input) {
      people.setForm({ number: e.detail.value });
    },

    onName(e: WechatMiniprogram.Input) {
      people.setForm({ name: e.detail.value });
    },

    onRole(e: WechatMiniprogram.CustomEvent<{ value: StaffRole }>) {
      people.setForm({ role: e.detail.value });
    },

    onAdd() {
      void people.add();
    },

    async onRemove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const { id } = e.currentTarget.dataset;
      const person = people.people.find((p) => p.id === id);
      if (!person) return;
      const sure = await confirmModal({
        title: `删除“${person.name}”？`,
        content: '对方将看不到工作台，也不能再查看统计。需要时可以再添加。',
        confirmText: '删除',
      });
      if (sure) await people.remove(id);
    },
  },
});
