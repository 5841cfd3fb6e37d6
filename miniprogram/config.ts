/** Cloud environment id; '' uses the environment selected in DevTools. Put the real id (e.g. 'prod-1a2b3c') here. */
export const CLOUD_ENV = '';
