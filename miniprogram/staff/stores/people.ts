import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { StaffInfo } from '../../../typings/contract';
import type { CloudClient } from '../../services/cloud';
import type { LoadStatus } from '../../stores/installment';
import { chinaDateTime } from '../utils/format';
import { Latest } from './latest';

export type StaffRole = StaffInfo['role'];

export interface PersonLine {
  id: string;
  name: string;
  roleText: string;
  addedText: string;
  /** Named by ADMIN_OPENIDS at deployment: removed there, not here. */
  removable: boolean;
}

export interface PersonForm {
  number: string;
  name: string;
  role: StaffRole;
}

export const ROLES: ReadonlyArray<{ value: StaffRole; label: string }> = [
  { value: 'staff', label: '工作人员' },
  { value: 'admin', label: '管理员' },
];

const lineOf = (m: StaffInfo): PersonLine => ({
  id: m.id,
  name: m.name,
  roleText: m.role === 'admin' ? '管理员' : '工作人员',
  addedText: m.bootstrap ? '部署时指定（ADMIN_OPENIDS）' : `${chinaDateTime(m.addedAt)} 添加`,
  removable: !m.bootstrap,
});

const EMPTY: PersonForm = { number: '', name: '', role: 'staff' };

/**
 * 人员 (administrators): who is staff, adding a person by the number they copied from 我的编号 (their openid; the
 * server keeps only its hash), and removing one. Numbers never come back from the server.
 */
export class PeopleStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  people: PersonLine[] = [];
  form: PersonForm = { ...EMPTY };
  busy = false;
  /** What the last add or remove said. */
  message = '';
  private readonly latest = new Latest();

  constructor(private readonly deps: { call: CloudClient['call'] }) {
    makeAutoObservable<PeopleStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  async load(): Promise<void> {
    const seq = this.latest.next();
    if (this.people.length === 0) this.status = 'loading';
    const res = await this.deps.call('admin', 'staff.list', {});
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      this.people = res.data.items.map(lineOf);
      this.status = 'ready';
      this.errorMessage = '';
    });
  }

  setForm(patch: Partial<PersonForm>): void {
    this.form = { ...this.form, ...patch };
    this.message = '';
  }

  async add(): Promise<void> {
    const openid = this.form.number.trim();
    const name = this.form.name.trim();
    if (!openid) return this.say('请粘贴对方的编号：请对方打开小程序，在首页底部点“我的编号”复制后发给你');
    if (!name) return this.say('请填写姓名');
    this.busy = true;
    const res = await this.deps.call('admin', 'staff.add', { openid, name, role: this.form.role });
    runInAction(() => {
      this.busy = false;
      if (!res.ok) {
        this.message = res.message;
        return;
      }
      this.form = { ...EMPTY };
      this.message = `已添加${res.data.role === 'admin' ? '管理员' : '工作人员'}“${res.data.name}”：对方重新打开小程序即可看到工作台`;
    });
    if (res.ok) await this.load();
  }

  async remove(id: string): Promise<void> {
    const name = this.people.find((p) => p.id === id)?.name ?? '';
    const res = await this.deps.call('admin', 'staff.remove', { id });
    if (!res.ok) return this.say(res.message);
    this.say(`已删除“${name}”`);
    await this.load();
  }

  private say(message: string): void {
    runInAction(() => {
      this.message = message;
    });
  }
}
