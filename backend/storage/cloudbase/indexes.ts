import { ARTICLE_STATS, ARTICLES, CODES, INSTALLMENTS, STAFF } from './documents';

/** An index the database needs for a query the adapter makes: without it the query walks the collection. */
export interface IndexSpec {
  collection: string;
  name: string;
  /** Fields in order, 1 ascending, -1 descending. */
  fields: Array<[string, 1 | -1]>;
  unique: boolean;
  why: string;
}

/** Every collection, closed to clients: only the cloud functions read and write (rule `{"read": false, "write": false}`). */
export const COLLECTIONS = [INSTALLMENTS, ARTICLES, ARTICLE_STATS, STAFF, CODES] as const;

export const INDEXES: IndexSpec[] = [
  {
    collection: INSTALLMENTS,
    name: 'by_number',
    fields: [
      ['number', -1],
      ['_id', 1],
    ],
    unique: false,
    why: 'listInstallments: newest first',
  },
  {
    collection: ARTICLES,
    name: 'by_installment',
    fields: [
      ['installmentId', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'saveInstallment drops the articles a revision no longer has; setOnline and setPublishedAt update them',
  },
  {
    collection: ARTICLES,
    name: 'in_print_order',
    fields: [
      ['online', 1],
      ['installmentNumber', 1],
      ['position', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'listArticles (search, staff lists): online articles in installment and print order',
  },
  {
    collection: ARTICLE_STATS,
    name: 'by_kind',
    fields: [
      ['t', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'every article’s counters (stats, reconcile), every channel, paged by _id',
  },
  {
    collection: ARTICLE_STATS,
    name: 'readers_holding_ledger',
    fields: [
      ['t', 1],
      ['o', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'the daily archive and reconcile find the readers whose record still holds closed days',
  },
  {
    collection: ARTICLE_STATS,
    name: 'ledger_by_day',
    fields: [
      ['t', 1],
      ['day', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'reconcile reads the archived ledger of the days it checks',
  },
  {
    collection: STAFF,
    name: 'by_added',
    fields: [
      ['addedAt', 1],
      ['_id', 1],
    ],
    unique: false,
    why: 'staff.list in the order people were added',
  },
  {
    collection: CODES,
    name: 'by_maker_day',
    fields: [
      ['createdBy', 1],
      ['day', 1],
    ],
    unique: false,
    why: 'a reader’s daily allowance of poster codes: the claims taken so far (a count)',
  },
];
