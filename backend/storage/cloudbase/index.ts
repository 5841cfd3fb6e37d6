export { ARTICLE_STATS, ARTICLES, INSTALLMENTS } from './documents';
export { createCloudBaseStore } from './store';
