import type { Block } from '../../typings/contract';

/** A block ready for WXML: the bold run-in lead split from the rest, so the template does no string work. */
export interface BlockView {
  id: string;
  kind: Block['kind'];
  lead: string;
  text: string;
  cut: boolean;
}

export const toBlockView = (b: Block): BlockView => {
  const leadLength = b.kind === 'lead' ? (b.leadLength ?? 0) : 0;
  return {
    id: b.id,
    kind: b.kind,
    lead: b.text.slice(0, leadLength),
    text: b.text.slice(leadLength),
    cut: b.cut === true,
  };
};
