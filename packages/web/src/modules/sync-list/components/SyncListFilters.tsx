import { useEffect, useState } from 'react';
import type { ItemType, SyncItemStatus, SyncListFilter } from '../../../gql/graphql';
import { SelectField, TextField } from '../../../ui/Field';

interface SyncListFiltersProps {
  filter: SyncListFilter;
  onChange(filter: SyncListFilter): void;
}

const SEARCH_DELAY_MS = 300;

export function SyncListFilters({ filter, onChange }: SyncListFiltersProps) {
  const [search, setSearch] = useState(filter.search ?? '');

  // Typing should not send a query per keystroke.
  useEffect(() => {
    const current = filter.search ?? '';
    if (search.trim() === current) return;
    const timer = setTimeout(() => onChange({ ...filter, search: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  return (
    <div className="toolbar-filters" role="search" aria-label="Filter the sync list">
      <TextField label="Search" type="search" placeholder="Name, SKU or source id" value={search} onChange={(e) => setSearch(e.target.value)} fieldClassName="filters-search" />
      <SelectField
        label="Status"
        value={filter.status ?? ''}
        onChange={(e) => onChange({ ...filter, status: (e.target.value || undefined) as SyncItemStatus | undefined })}
      >
        <option value="">Any status</option>
        <option value="SUCCESS">Success</option>
        <option value="FAILED">Failed</option>
        <option value="PENDING">Pending</option>
      </SelectField>
      <SelectField
        label="Type"
        value={filter.itemType ?? ''}
        onChange={(e) => onChange({ ...filter, itemType: (e.target.value || undefined) as ItemType | undefined })}
      >
        <option value="">Any type</option>
        <option value="PRODUCT">Products</option>
        <option value="INVENTORY">Inventory</option>
        <option value="ORDER">Orders</option>
      </SelectField>
    </div>
  );
}
