import { defineComponent } from '../../utils/component';

interface Props {
  items: Array<{ value: string; label: string }>;
  value: string;
  /** What the choice is about, for screen readers. */
  label: string;
}

/** `<staff-segments items="{{[{ value, label }]}}" value="…" bind:change>`: one choice of a few, such as the range. */
defineComponent<Props>()({
  properties: {
    items: { type: Array, value: [] },
    value: { type: String, value: '' },
    label: { type: String, value: '' },
  },

  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>) {
      const { value } = e.currentTarget.dataset;
      if (value !== this.data.value) this.triggerEvent('change', { value });
    },
  },
});
