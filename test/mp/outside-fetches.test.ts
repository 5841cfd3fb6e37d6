import { outsideFetches } from '../../scripts/mp/packages';

describe('check:mp: a stylesheet that fetches from the web', () => {
  test('names each url(…) to the web, as TDesign’s icon font did, and passes packaged files and data URLs', () => {
    const found = outsideFetches({
      'miniprogram_npm/tdesign-miniprogram/icon/icon.wxss':
        "@font-face{src:url(https://tdesign.gtimg.com/icon/0.4.3/fonts/t.woff) format('woff'),url('//cdn.example/t.ttf')}",
      'components/ui-search/index.wxss': '.g{background:url(/assets/icons/search.svg)}',
      'app.wxss': '.x{background:url("data:image/svg+xml;utf8,<svg/>")}',
    });
    expect(found).toEqual([
      {
        file: 'miniprogram_npm/tdesign-miniprogram/icon/icon.wxss',
        url: 'https://tdesign.gtimg.com/icon/0.4.3/fonts/t.woff',
      },
      { file: 'miniprogram_npm/tdesign-miniprogram/icon/icon.wxss', url: '//cdn.example/t.ttf' },
    ]);
  });
});
