import { freshApp } from '../support/app';
import { contentCloud, STAFF_OPENID } from '../support/cloud';
import { wxStub } from '../support/runtime';
import { aMorningOfReading } from './scenario';

beforeEach(() => wxStub.reset());

async function staffCloud() {
  const cloud = await contentCloud({ openid: STAFF_OPENID });
  const reading = await aMorningOfReading(cloud);
  wxStub.cloud = cloud.handler;
  return { cloud, reading };
}

describe('工作台 概览', () => {
  test('shows today’s figures from the stats function, with how readers were counted', async () => {
    await staffCloud();
    const { page, text } = await freshApp().open('staff/overview');
    const figure = (key: string) => page.querySelector(`.figure-${key} .figure-value`)?.dom?.textContent;
    expect(figure('pv')).toBe('4');
    expect(figure('uv')).toBe('4');
    expect(figure('shares')).toBe('2');
    expect(figure('shareReads')).toBe('1');
    expect(figure('reshares')).toBe('1');
    expect(text()).toContain('今日读者为当天去重后的人数');
    expect(text()).toContain('较昨日 新增');
    expect(text()).toContain('朋友圈单页模式打开的读者没有微信身份，单独计数');
    expect(text()).toContain('1 人（按安装计）阅读 1 次');
  });
});
