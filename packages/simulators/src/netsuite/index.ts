export { createNetSuiteSimulator, type NetSuiteSimulator } from './simulator.js';
export { defaultCredentials as netSuiteDefaultCredentials, defaultQuirks as netSuiteDefaultQuirks } from './options.js';
export type { NetSuiteQuirks, NetSuiteSimulatorOptions, SimLocation } from './options.js';
export type { TbaCredentials } from './oauth.js';
export type { ItemPatch, SeedCustomer, SeedItem } from './seed.js';
export type { SimCustomer, SimItem, SimSalesOrder, SimSalesOrderLine } from './store.js';
