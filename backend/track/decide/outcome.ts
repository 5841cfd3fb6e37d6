/** UNAVAILABLE is never decided here: record.ts answers it when the store was busy. */
export type RejectCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'RATE_LIMITED' | 'UNAVAILABLE';

/** What became of one event. */
export type EventOutcome =
  | { eventId: string; ok: true; type: 'read'; counted: boolean; readCount: number }
  | { eventId: string; ok: true; type: 'progress'; completed: boolean }
  | { eventId: string; ok: true; type: 'share'; recorded: true }
  | { eventId: string; ok: false; code: RejectCode; message: string };

export const MESSAGES = {
  noArticle: '没有找到这篇文章',
  rateLimited: '操作太频繁，请稍后再试',
  noReading: '没有找到这次阅读',
  idReused: '事件编号已用于另一事件',
  shareTaken: '分享编号已被使用',
  shareNotYours: '分享编号不是你的：请更新小程序后再分享',
  dailyCap: '今天的操作已达上限，请明天再试',
} as const;

export const reject = (eventId: string, code: RejectCode, message: string): EventOutcome => ({
  eventId,
  ok: false,
  code,
  message,
});
