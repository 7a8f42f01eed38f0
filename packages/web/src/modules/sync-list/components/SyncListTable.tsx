import type { SyncListRowItem } from '../hooks/outcome';
import { SyncListRow } from './SyncListRow';

interface SyncListTableProps {
  items: SyncListRowItem[];
  selected: Set<string>;
  syncingIds: Set<string>;
  onSelectionChange(selected: Set<string>): void;
  onSync(id: string): void;
}

export function SyncListTable({ items, selected, syncingIds, onSelectionChange, onSync }: SyncListTableProps) {
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));

  function select(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectionChange(next);
  }

  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label="Select all items on this page"
                checked={allSelected}
                onChange={() => onSelectionChange(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
              />
            </th>
            <th scope="col">Item</th>
            <th scope="col">Type</th>
            <th scope="col">Mode</th>
            <th scope="col">Active</th>
            <th scope="col">Status</th>
            <th scope="col">Last outcome</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <SyncListRow
              key={item.id}
              item={item}
              selected={selected.has(item.id)}
              syncing={syncingIds.has(item.id)}
              onSelect={(on) => select(item.id, on)}
              onSync={() => onSync(item.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
