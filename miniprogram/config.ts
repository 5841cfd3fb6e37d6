/** Cloud environment id; '' uses the environment selected in DevTools. Put the real id (e.g. 'prod-1a2b3c') here. */
export const CLOUD_ENV = '';

/**
 * The publisher, as every page and poster names it: the sources name no city, so neither do we. Change it here only.
 */
export const CENTER_NAME = '市融媒体中心';
