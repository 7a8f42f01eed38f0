export { createNetSuiteConnector, type NetSuiteConnectorOptions } from './connector.js';
export type { NetSuiteAuth } from './auth/types.js';
export { createTbaAuth } from './auth/tba.js';
export type { NetSuiteLogger, NetSuiteMetrics } from './client.js';
export { defaultBaseUrl, resolveSettings, type NetSuiteSettings } from './settings.js';
