import { loadCatalog } from '../../../backend/content/catalog';
import { syncInstallments } from '../../../backend/content/sync';
import { CLIENT_SOURCE } from '../../../backend/core/context';
import { createDispatcher } from '../../../backend/core/dispatcher';
import { LOCAL_READER_SECRET } from '../../../backend/core/reader-key';
import type { Stores } from '../../../backend/core/stores';
import { functions, isFunctionName } from '../../../backend/functions';
import { createSqliteStores, openDatabase } from '../../../backend/storage/sqlite';
import type { InstallmentView } from '../../../typings/contract';

export interface CloudRequest {
  name: string;
  data: unknown;
}

/** The openid the staff tests act as: an administrator (ADMIN_OPENIDS) of the test cloud. */
export const STAFF_OPENID = 'o-test-staff';

/**
 * The cloud functions as the app reaches them: the real handlers (`content`, `track`, `stats`, `admin`) over the
 * curated installment in in-memory SQLite stores (these tests are about pages, not adapters; the CloudBase adapter is
 * tested through the real SDK in test/storage and test/track). `openid` is the reader WeChat would name;
 * `adminOpenids` are the administrators (as ADMIN_OPENIDS names them in the cloud), STAFF_OPENID unless said.
 */
export async function contentCloud(
  options: { openid?: string | null; now?: () => Date; adminOpenids?: readonly string[] } = {},
) {
  const stores: Stores = createSqliteStores(openDatabase(':memory:'));
  await syncInstallments(stores, loadCatalog());
  const calls: CloudRequest[] = [];
  const dispatcher = createDispatcher({
    functions,
    stores,
    readerSecret: LOCAL_READER_SECRET,
    adminOpenids: options.adminOpenids ?? [STAFF_OPENID],
    now: options.now ?? (() => new Date()),
  });
  /** Read counts to show instead of the counted ones: for checking how large numbers are displayed. */
  let shownCounts: Record<string, number> = {};
  let openid = options.openid === undefined ? 'o-test-reader' : options.openid;

  const handler = async (request: CloudRequest): Promise<unknown> => {
    calls.push(request);
    if (!isFunctionName(request.name)) throw { errCode: -501000, errMsg: 'FunctionName parameter could not be found' };
    // The app in WeChat, as the cloud sees it.
    const res = await dispatcher.call(request.name, request.data, { openid, source: CLIENT_SOURCE });
    const action = (request.data as { action?: string }).action;
    if (res.ok && action === 'installment.get') {
      const view = res.data as InstallmentView;
      view.articles = view.articles.map((a) => ({ ...a, readCount: shownCounts[a.id] ?? a.readCount }));
    }
    return res;
  };

  return {
    handler,
    stores,
    calls,
    setShownCounts: (counts: Record<string, number>) => {
      shownCounts = counts;
    },
    actAs: (id: string | null) => {
      openid = id;
    },
  };
}

/** A callFunction that fails the way wx.cloud does when the phone has no network. */
export const networkDown = () =>
  Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' });
