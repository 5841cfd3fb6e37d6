import type { PageComponent } from '../support/app';
import { contentCloud, STAFF_OPENID } from '../support/cloud';
import { wxStub } from '../support/runtime';
import { aMorningOfReading } from './scenario';

/** The test cloud acting as staff, after a morning of reading (scenario.ts); the app's calls go to it. */
export async function staffCloud() {
  const cloud = await contentCloud({ openid: STAFF_OPENID });
  const reading = await aMorningOfReading(cloud);
  wxStub.cloud = cloud.handler;
  return { cloud, reading };
}

export const figure = (page: PageComponent, key: string) =>
  page.querySelector(`.figure-${key} .figure-value`)?.dom?.textContent;

/** What a `<staff-chart>` was given to draw. */
export const specOf = (page: PageComponent, selector: string) =>
  (page.querySelector(selector) as unknown as { instance: { data: { spec: unknown } } } | undefined)?.instance.data
    .spec as { type: string; categories: string[]; series: Array<{ name: string; data: number[] }> } | null;

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10);

/** Taps one choice of a `<staff-segments>`, by its label. */
export async function choose(page: PageComponent, segments: string, label: string, settle: () => Promise<void>) {
  const host = page.querySelector(segments);
  const choice = host?.querySelectorAll('.segment').find((s) => s.dom?.textContent === label);
  if (!choice) throw new Error(`no ${label} in ${segments}`);
  choice.dispatchEvent('tap');
  await settle();
}

/** The texts of an element's own `<text>`s, as a person reads them apart: '报纸 2 2'. */
export const cells = (element: { dom?: Element } | undefined): string =>
  Array.from(element?.dom?.querySelectorAll('wx-text') ?? [])
    .map((t) => t.textContent?.trim())
    .filter(Boolean)
    .join(' ');
