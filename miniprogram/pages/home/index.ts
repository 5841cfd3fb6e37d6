import type { InstallmentView } from '../../../typings/contract';
import { call } from '../../services/cloud';

type Status = 'loading' | 'ready' | 'empty' | 'error';

interface SpeechRow {
  id: string;
  title: string;
  speaker: string;
}

Page({
  data: {
    status: 'loading' as Status,
    title: '',
    subtitle: '',
    speeches: [] as SpeechRow[],
    errorText: '',
  },

  onLoad() {
    void this.load();
  },

  onRetry() {
    if (this.data.status !== 'loading') void this.load();
  },

  /** The newest installment: the list first, then the first item's full view. */
  async load() {
    this.setData({ status: 'loading', errorText: '' });
    const list = await call('content', 'installment.list', {});
    if (!list.ok) return this.showError(list.message);
    const first = list.data.items[0];
    if (!first) return this.setData({ status: 'empty' });
    const installment = await call('content', 'installment.get', { id: first.id });
    if (!installment.ok) return this.showError(installment.message);
    this.showInstallment(installment.data);
  },

  showInstallment(view: InstallmentView) {
    this.setData({
      status: 'ready',
      title: view.title,
      subtitle: view.subtitle,
      speeches: view.articles.map((a) => ({ id: a.id, title: a.title, speaker: a.speaker.name })),
    });
  },

  showError(message: string) {
    this.setData({ status: 'error', errorText: message || '内容加载失败，请稍后重试' });
  },
});
