import { loadCatalog } from '../../../backend/content/catalog';
import { syncInstallments } from '../../../backend/content/sync';
import { LOCAL_READER_SECRET, readerKeys } from '../../../backend/core/reader-key';
import { dispatch } from '../../../backend/core/router';
import { functions, isFunctionName } from '../../../backend/functions';
import { createCloudBaseStore } from '../../../backend/storage/cloudbase';
import type { Store } from '../../../backend/storage/port';
import type { Api, FunctionName, InstallmentView } from '../../../typings/contract';
import { FakeCloudDb } from '../../support/fake-cloud-db';

export interface CloudRequest {
  name: string;
  data: unknown;
}

/**
 * The cloud functions as the app reaches them: the real `content` and `track` handlers over the
 * curated installment in an in-memory CloudBase fake. `openid` is the reader WeChat would name.
 */
export async function contentCloud(options: { openid?: string | null; now?: () => Date } = {}) {
  const store: Store = createCloudBaseStore(new FakeCloudDb());
  await syncInstallments(store, loadCatalog());
  const calls: CloudRequest[] = [];
  const readerKey = readerKeys(LOCAL_READER_SECRET);
  /** Read counts to show instead of the counted ones: for checking how large numbers are displayed. */
  let shownCounts: Record<string, number> = {};
  let openid = options.openid === undefined ? 'o-test-reader' : options.openid;

  const handler = async (request: CloudRequest): Promise<unknown> => {
    calls.push(request);
    if (!isFunctionName(request.name)) throw { errCode: -501000, errMsg: 'FunctionName parameter could not be found' };
    const res = await dispatch<Api[FunctionName]>(functions[request.name], request.data, {
      identity: { openid },
      now: options.now ?? (() => new Date()),
      store,
      readerKey,
    });
    const action = (request.data as { action?: string }).action;
    if (res.ok && action === 'installment.get') {
      const view = res.data as InstallmentView;
      view.articles = view.articles.map((a) => ({ ...a, readCount: shownCounts[a.id] ?? a.readCount }));
    }
    return res;
  };

  return {
    handler,
    store,
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
