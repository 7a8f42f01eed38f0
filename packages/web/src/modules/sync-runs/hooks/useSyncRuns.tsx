import { useApolloClient, useMutation } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSocketReady } from '../../../app/ApiProvider';
import { refetchActive } from '../../../app/refetchActive';
import {
  CancelSyncDocument,
  RunDeltaSyncDocument,
  SyncListItemUpdatedDocument,
  SyncProgressDocument,
  type ResultFieldsFragment,
  type RunDeltaSyncInput,
} from '../../../gql/graphql';
import { errorMessage } from '../../../ui/errorMessage';
import { applyProgressEvent, applySyncResult, dismissRun, markCancelling, type RunProgress } from './progressState';

export type StartSyncOutcome = { ok: true; result: ResultFieldsFragment } | { ok: false; message: string };

interface SyncRunsValue {
  runs: RunProgress[];
  /** False while the live connection is down (progress then arrives only with the final answer). */
  live: boolean;
  startSync(input: RunDeltaSyncInput): Promise<StartSyncOutcome>;
  cancel(syncHistoryId: string): Promise<string | null>;
  dismiss(syncHistoryId: string): void;
}

const SyncRunsContext = createContext<SyncRunsValue | null>(null);

export function useSyncRuns(): SyncRunsValue {
  const value = useContext(SyncRunsContext);
  if (!value) throw new Error('useSyncRuns needs a <SyncRunsProvider>');
  return value;
}

const LIST_QUERIES = ['SyncList', 'History', 'HistoryEntry', 'ProductPreview'];

/**
 * Follows every run of the signed-in user through `syncProgress(syncHistoryId: null)`,
 * subscribed at mount so that a run started here is seen from its STARTED event on.
 */
export function SyncRunsProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const socketReady = useSocketReady();
  const [runs, setRuns] = useState<RunProgress[]>([]);
  const [live, setLive] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [runDeltaSync] = useMutation(RunDeltaSyncDocument);
  const [cancelSync] = useMutation(CancelSyncDocument);

  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onError = () => {
      setLive(false);
      retry = setTimeout(() => setAttempt((n) => n + 1), 5_000);
    };
    const progress = client.subscribe({ query: SyncProgressDocument, variables: { syncHistoryId: null } }).subscribe({
      next: ({ data, error }) => {
        if (error) return onError();
        const event = data?.syncProgress;
        if (!event) return;
        setLive(true);
        setRuns((current) => applyProgressEvent(current, event));
        // A new run joins the history list, and a finished one brings each row's outcome.
        if (event.kind === 'STARTED') refetchActive(client, ['History']);
        if (event.kind === 'FINISHED') refetchActive(client, LIST_QUERIES);
      },
      error: onError,
    });
    // Rows update in place: the result is normalised into the cache by its id.
    const rows = client.subscribe({ query: SyncListItemUpdatedDocument }).subscribe({ error: onError });
    return () => {
      clearTimeout(retry);
      progress.unsubscribe();
      rows.unsubscribe();
    };
  }, [client, attempt]);

  const startSync = useCallback(
    async (input: RunDeltaSyncInput): Promise<StartSyncOutcome> => {
      await socketReady();
      try {
        const { data } = await runDeltaSync({ variables: { input } });
        const payload = data?.runDeltaSync;
        if (!payload) return { ok: false, message: 'The server gave no answer.' };
        if (payload.userErrors.length > 0) return { ok: false, message: payload.userErrors.map((e) => e.message).join(' ') };
        if (!payload.result) return { ok: false, message: 'The server started no run.' };
        const result = payload.result;
        setRuns((current) => applySyncResult(current, result));
        refetchActive(client, LIST_QUERIES);
        return { ok: true, result };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
    [client, runDeltaSync, socketReady],
  );

  const cancel = useCallback(
    async (syncHistoryId: string): Promise<string | null> => {
      setRuns((current) => markCancelling(current, syncHistoryId));
      try {
        const { data } = await cancelSync({ variables: { syncHistoryId } });
        const errors = data?.cancelSync.userErrors ?? [];
        return errors.length > 0 ? errors.map((e) => e.message).join(' ') : null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    [cancelSync],
  );

  const dismiss = useCallback((syncHistoryId: string) => setRuns((current) => dismissRun(current, syncHistoryId)), []);

  const value = useMemo(() => ({ runs, live, startSync, cancel, dismiss }), [runs, live, startSync, cancel, dismiss]);
  return <SyncRunsContext.Provider value={value}>{children}</SyncRunsContext.Provider>;
}
