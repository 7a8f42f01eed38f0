// Vitest global setup: make sure src/gql exists and is fresh before any test imports it,
// so `npx vitest run --project web` works on a fresh clone.
import { generateIfStale } from '../../scripts/codegen-if-stale.mjs';

export default function setup(): void {
  generateIfStale();
}
