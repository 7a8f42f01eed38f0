import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FilterConfigInput, PatternFieldsFragment, SyncDirection } from '../../../gql/graphql';
import { toFilterInput } from './filterConfig';

/** What the product preview shows: shared with the Saved patterns tab ("Apply", "Save current filters"). */
export interface PreviewSelection {
  connectionId: string | null;
  targetConnectionId: string | null;
  filter: FilterConfigInput;
  /** The pattern last applied, while its filters are unchanged. */
  pattern: { id: string; name: string; direction: SyncDirection } | null;
}

interface PreviewSelectionValue extends PreviewSelection {
  setConnection(id: string | null): void;
  setTargetConnection(id: string | null): void;
  setFilter(filter: FilterConfigInput): void;
  applyPattern(pattern: PatternFieldsFragment): void;
}

const STORAGE_KEY = 'synclane.preview';
const EMPTY: PreviewSelection = { connectionId: null, targetConnectionId: null, filter: {}, pattern: null };

function load(): PreviewSelection {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return EMPTY;
    return { ...EMPTY, ...(parsed as Partial<PreviewSelection>) };
  } catch {
    return EMPTY;
  }
}

const PreviewSelectionContext = createContext<PreviewSelectionValue | null>(null);

export function usePreviewSelection(): PreviewSelectionValue {
  const value = useContext(PreviewSelectionContext);
  if (!value) throw new Error('usePreviewSelection needs a <PreviewSelectionProvider>');
  return value;
}

export function PreviewSelectionProvider({ children, initial }: { children: ReactNode; initial?: Partial<PreviewSelection> }) {
  const [selection, setSelection] = useState<PreviewSelection>(() => ({ ...load(), ...initial }));

  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(selection));
    } catch {
      // Storage may be unavailable (private mode): the selection then lasts for the page only.
    }
  }, [selection]);

  const setConnection = useCallback((connectionId: string | null) => setSelection((s) => ({ ...s, connectionId })), []);
  const setTargetConnection = useCallback((targetConnectionId: string | null) => setSelection((s) => ({ ...s, targetConnectionId })), []);
  const setFilter = useCallback(
    (filter: FilterConfigInput) =>
      setSelection((s) => {
        const next = toFilterInput(filter);
        const unchanged = JSON.stringify(next) === JSON.stringify(s.filter);
        return { ...s, filter: next, pattern: unchanged ? s.pattern : null };
      }),
    [],
  );
  const applyPattern = useCallback(
    (pattern: PatternFieldsFragment) =>
      setSelection((s) => ({
        ...s,
        filter: toFilterInput(pattern.filterConfig),
        pattern: { id: pattern.id, name: pattern.name, direction: pattern.direction },
      })),
    [],
  );

  const value = useMemo(
    () => ({ ...selection, setConnection, setTargetConnection, setFilter, applyPattern }),
    [selection, setConnection, setTargetConnection, setFilter, applyPattern],
  );
  return <PreviewSelectionContext.Provider value={value}>{children}</PreviewSelectionContext.Provider>;
}
