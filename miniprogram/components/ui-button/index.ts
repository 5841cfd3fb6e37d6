/**
 * The app's button: a native <button> (so open-type="share" opens WeChat's share sheet), filled or outlined in the
 * accent colour, as tall as its words need and never below 44 px. No icon font: nothing is fetched at run time.
 * `theme` and `size` are accepted for the TDesign-style call sites and have one look: primary, large.
 */
import { defineComponent } from '../../utils/component';

interface ButtonProps {
  theme: string;
  size: string;
  variant: string;
  block: boolean;
  disabled: boolean;
  loading: boolean;
  openType: string;
}

defineComponent<ButtonProps>()({
  properties: {
    theme: { type: String, value: 'primary' },
    size: { type: String, value: 'large' },
    variant: { type: String, value: 'base' },
    block: { type: Boolean, value: false },
    disabled: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
    openType: { type: String, value: '' },
  },
  methods: {
    onTap() {
      if (this.data.disabled || this.data.loading) return;
      this.triggerEvent('tap');
    },
  },
});
