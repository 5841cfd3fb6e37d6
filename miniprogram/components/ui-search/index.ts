/**
 * The search box: a glass, the input (the keyboard's key says 搜索) and a clear button, all packaged images.
 * Events as TDesign's t-search: change { value }, submit { value }, clear.
 */
import { defineComponent } from '../../utils/component';

interface SearchProps {
  value: string;
  placeholder: string;
  maxlength: number;
  focus: boolean;
}

defineComponent<SearchProps>()({
  properties: {
    value: { type: String, value: '' },
    placeholder: { type: String, value: '' },
    maxlength: { type: Number, value: 140 },
    focus: { type: Boolean, value: false },
  },
  methods: {
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ value: e.detail.value });
      this.triggerEvent('change', { value: e.detail.value });
    },
    onConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.triggerEvent('submit', { value: e.detail.value });
    },
    onClear() {
      this.setData({ value: '' });
      this.triggerEvent('clear', { value: '' });
    },
  },
});
