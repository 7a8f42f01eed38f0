import { useState, type FormEvent } from 'react';
import type { FilterConfigInput } from '../../../gql/graphql';
import { TextField } from '../../../ui/Field';

// The canonical status set the API accepts; each connector maps it to its platform.
const KNOWN_STATUSES = ['active', 'draft', 'archived'];

interface Draft {
  search: string;
  status: string[];
  priceMin: string;
  priceMax: string;
  category: string;
  updatedAfter: string;
}

function toDraft(filter: FilterConfigInput): Draft {
  return {
    search: filter.search ?? '',
    status: filter.status ?? [],
    priceMin: filter.priceMin?.toString() ?? '',
    priceMax: filter.priceMax?.toString() ?? '',
    category: filter.category ?? '',
    // A date input holds the user's local day; the filter holds an instant.
    updatedAfter: filter.updatedAfter ? localDay(filter.updatedAfter) : '',
  };
}

function localDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function draftToFilter(draft: Draft): { filter: FilterConfigInput; errors: Partial<Record<keyof Draft, string>> } {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const filter: FilterConfigInput = {};
  const number = (key: 'priceMin' | 'priceMax') => {
    const raw = draft[key].trim();
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) errors[key] = 'Enter a price of 0 or more';
    return value;
  };
  const priceMin = number('priceMin');
  const priceMax = number('priceMax');
  if (priceMin !== undefined && !errors.priceMin) filter.priceMin = priceMin;
  if (priceMax !== undefined && !errors.priceMax) filter.priceMax = priceMax;
  if (typeof filter.priceMin === 'number' && typeof filter.priceMax === 'number' && filter.priceMin > filter.priceMax) {
    errors.priceMax = 'Must be at least the minimum price';
  }
  if (draft.search.trim()) filter.search = draft.search.trim();
  if (draft.status.length > 0) filter.status = draft.status;
  if (draft.category.trim()) filter.category = draft.category.trim();
  if (draft.updatedAfter) filter.updatedAfter = new Date(`${draft.updatedAfter}T00:00:00`).toISOString();
  return { filter, errors };
}

interface FilterFormProps {
  filter: FilterConfigInput;
  onApply(filter: FilterConfigInput): void;
  disabled?: boolean;
}

/** Edits a draft; the preview (and "Save current filters") use it only once applied. */
export function FilterForm({ filter, onApply, disabled }: FilterFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(filter));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const statuses = [...KNOWN_STATUSES, ...draft.status.filter((s) => !KNOWN_STATUSES.includes(s))];
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = draftToFilter(draft);
    setErrors(result.errors);
    if (Object.keys(result.errors).length === 0) onApply(result.filter);
  }

  function toggleStatus(status: string) {
    setDraft((d) => ({ ...d, status: d.status.includes(status) ? d.status.filter((s) => s !== status) : [...d.status, status] }));
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Product filters" noValidate>
      <TextField label="Search" type="search" value={draft.search} onChange={set('search')} placeholder="Name or SKU" fieldClassName="filters-search" />
      <fieldset className="field checks">
        <legend>Status</legend>
        {statuses.map((status) => (
          <label key={status} className="check">
            <input type="checkbox" checked={draft.status.includes(status)} onChange={() => toggleStatus(status)} />
            {status}
          </label>
        ))}
      </fieldset>
      <TextField label="Min price" inputMode="decimal" value={draft.priceMin} onChange={set('priceMin')} error={errors.priceMin} />
      <TextField label="Max price" inputMode="decimal" value={draft.priceMax} onChange={set('priceMax')} error={errors.priceMax} />
      <TextField label="Category" value={draft.category} onChange={set('category')} placeholder="Electronics" />
      <TextField label="Updated after" type="date" value={draft.updatedAfter} onChange={set('updatedAfter')} />
      <div className="filters-actions">
        <button type="submit" className="btn btn-primary" disabled={disabled}>
          Show products
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setDraft(toDraft({}));
            setErrors({});
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
