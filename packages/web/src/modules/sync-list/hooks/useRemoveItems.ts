import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { RemoveFromSyncListDocument } from '../../../gql/graphql';
import { errorMessage } from '../../../ui/errorMessage';
import type { Tone } from '../../../ui/Notice';

export function useRemoveItems(): (ids: string[]) => Promise<{ tone: Tone; text: string }> {
  const [removeFromSyncList] = useMutation(RemoveFromSyncListDocument, { refetchQueries: ['SyncList'] });
  return useCallback(
    async (ids: string[]) => {
      try {
        const { data } = await removeFromSyncList({ variables: { ids } });
        const payload = data?.removeFromSyncList;
        const removed = payload?.removedIds.length ?? 0;
        const errors = payload?.userErrors.map((e) => e.message) ?? [];
        const text = [`Removed ${removed} ${removed === 1 ? 'item' : 'items'}.`, ...errors].join(' ');
        return { tone: errors.length > 0 ? 'warning' : 'success', text };
      } catch (error) {
        return { tone: 'danger', text: errorMessage(error) };
      }
    },
    [removeFromSyncList],
  );
}
