import { readItem, writeItem } from '../services/storage';
import { randomId } from '../utils/ids';

const KEY = 'esd.install';

/**
 * An anonymous id for this install. The server counts it only where WeChat gives no openid
 * (朋友圈 single-page mode), and stores it hashed like an openid.
 */
export function installId(): string {
  const saved = readItem<string>(KEY);
  if (saved && /^[a-z0-9]{16}$/.test(saved)) return saved;
  const id = randomId(16);
  writeItem(KEY, id);
  return id;
}
