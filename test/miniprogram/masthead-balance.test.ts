import { freshApp } from './support/app';
import { contentCloud } from './support/cloud';
import { wxStub } from './support/runtime';

beforeEach(async () => {
  wxStub.reset();
  wxStub.cloud = (await contentCloud()).handler;
});

const mastheadLines = (page: ReturnType<ReturnType<typeof freshApp>['mount']>['page']) =>
  (page.querySelector('.masthead-title')?.dom?.textContent ?? '').split('\n');

test('the home masthead never leaves one character alone on its last line (…二十大精 / 神 at 特大)', async () => {
  const app = freshApp();
  const { page } = await app.open('installment');
  await app.settle();
  expect(mastheadLines(page)).toEqual(['深入学习领会党的二十大精神']);
  app.stores.settings.setFontStep(2);
  await app.settle();
  expect(mastheadLines(page)).toEqual(['深入学习领会', '党的二十大精神']);
});
