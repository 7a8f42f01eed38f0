export { generateCatalogue } from './catalogue.js';
export type { Catalogue, CatalogueOptions, CatalogueOrder, CatalogueProduct } from './catalogue.js';
export type { FaultOptions } from './common/faults.js';
