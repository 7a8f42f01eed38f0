import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { printPublishedSchema } from './schema.js';

const published = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schema', 'schema.graphql');

it('the checked-in packages/schema/schema.graphql is the schema the server builds (run `pnpm --filter @synclane/server print-schema`)', () => {
  expect(readFileSync(published, 'utf8')).toBe(printPublishedSchema());
});
