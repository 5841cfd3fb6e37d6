import { applyEnv } from './env';

/** What `cloud.getWXContext()` is to return; `SOURCE` e.g. 'wx_client', 'wx_trigger'. */
export interface WXContextValues {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  SOURCE?: string;
  ENV?: string;
}

/**
 * Makes the real `getWXContext()` return `values`, as the cloud does: it reads the names listed in WX_CONTEXT_KEYS
 * from process.env (WX_OPENID → OPENID, …), SOURCE from TCB_SOURCE and ENV from TCB_ENV. (It also turns a value of
 * digits only into a number.) Returns the function that puts the environment back.
 */
export function setWXContext(values: WXContextValues): () => void {
  const { SOURCE, ENV, OPENID, APPID, UNIONID } = values;
  // Always listed: with WX_CONTEXT_KEYS empty, getWXContext() returns {} without even SOURCE.
  const next: Record<string, string | undefined> = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: OPENID,
    WX_APPID: APPID,
    WX_UNIONID: UNIONID,
    TCB_SOURCE: SOURCE,
    // Left alone unless given: it is also what DYNAMIC_CURRENT_ENV stands for (see functionEnv()).
    ...(ENV !== undefined && { TCB_ENV: ENV }),
  };
  return applyEnv(next);
}
