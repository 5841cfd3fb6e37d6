import { defineComponent } from '../../../utils/component';

interface Props {
  items: Array<{ value: string; label: string }>;
  value: string;
  /** What the choice is about, for screen readers. */
  label: string;
  /** Choices per row when there are more than fit on one (the six nodes of the matrix: 3); 0: all on one row. */
  columns: number;
}

/** `<staff-segments items="{{[{ value, label }]}}" value="…" bind:change>`: one choice of a few, such as the range. */
defineComponent<Props>()({
  properties: {
    items: { type: Array, value: [] },
    value: { type: String, value: '' },
    label: { type: String, value: '' },
    columns: { type: Number, value: 0 },
  },

  methods: {
    onTap(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { value: string }>) {
      const { value } = e.currentTarget.dataset;
      if (value !== this.data.value) this.triggerEvent('change', { value });
    },
  },
});
