import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printPublishedSchema } from './schema.js';

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schema', 'schema.graphql');

writeFileSync(SCHEMA_PATH, printPublishedSchema());
console.log(`wrote ${SCHEMA_PATH}`);
