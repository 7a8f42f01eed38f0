/**
 * The API's own owner filter: the first wall, RLS is the second. Tests switch it off
 * (and RLS off, through Database's test switch) to prove each wall holds alone.
 */
export const ownerFilter = { enabled: true };

export function owned(userId: string): { userId?: string } {
  return ownerFilter.enabled ? { userId } : {};
}
