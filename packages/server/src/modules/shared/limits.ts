/** Input bounds (DESIGN §10). */
export const LIMITS = {
  name: 120,
  description: 1000,
  search: 200,
  sourceId: 255,
  metadataBytes: 16 * 1024,
  addToSyncList: 500,
  runDeltaSyncIds: 1000,
  removeIds: 1000,
} as const;
