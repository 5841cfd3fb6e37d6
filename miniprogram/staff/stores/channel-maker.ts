import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { MatrixChannel } from '../../../typings/contract';
import type { CloudClient } from '../../services/cloud';
import { ID_FORMATS, MATRIX_CHANNELS } from '../../utils/contract.generated';

export interface ChannelForm {
  name: string;
  type: MatrixChannel;
  code: string;
}

export const CHANNEL_TYPES = (Object.keys(MATRIX_CHANNELS) as MatrixChannel[]).map((value) => ({
  value,
  label: MATRIX_CHANNELS[value],
}));

const CODE = new RegExp(ID_FORMATS.channel);
const EMPTY: ChannelForm = { name: '', type: 'bao', code: '' };

/**
 * 新建渠道 on 渠道: a node of the matrix such as 报纸第 3 版 (`bz3`, under 报纸), made by `admin.channel.create`;
 * `done` reloads the list, where the new channel then shows.
 */
export class ChannelMaker {
  form: ChannelForm = { ...EMPTY };
  busy = false;
  message = '';
  /** What was just made: its name, for the line that says so. */
  made = '';

  constructor(private readonly deps: { call: CloudClient['call']; done: () => Promise<void> }) {
    makeAutoObservable<ChannelMaker, 'deps'>(this, { deps: false });
  }

  setForm(patch: Partial<ChannelForm>): void {
    this.form = { ...this.form, ...patch };
    this.message = '';
    this.made = '';
  }

  async create(): Promise<void> {
    const name = this.form.name.trim();
    const code = this.form.code.trim().toLowerCase();
    if (!name) return this.say('请填写渠道名称，如“报纸第3版”');
    if (!CODE.test(code)) return this.say('渠道代码须为 2–6 位小写字母或数字，如 bz3');
    this.busy = true;
    const res = await this.deps.call('admin', 'channel.create', { name, type: this.form.type, code });
    runInAction(() => {
      this.busy = false;
      if (!res.ok) {
        this.message = res.message;
        return;
      }
      this.form = { ...EMPTY, type: this.form.type };
      this.made = `已建立“${res.data.name}”（渠道代码 ${res.data.code}），在上面的列表里点它生成小程序码`;
    });
    if (res.ok) await this.deps.done();
  }

  private say(message: string): void {
    runInAction(() => {
      this.message = message;
      this.made = '';
    });
  }
}
