import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connection, noErrors, pageOf, pattern, emptyFilter, previewProduct, syncListItem } from '../../../test/fixtures';
import { createTestApi, renderWithApi, type Variables } from '../../../test/testApi';
import { ProductPreviewPage } from './ProductPreviewPage';

function setup({ connections = [connection({ id: 'ns', name: 'NS prod' }), connection({ id: 'sh', platform: 'SHOPIFY', name: 'Store' })] } = {}) {
  const listed = new Set<string>(['1003']);
  const products = [
    previewProduct({ sourceId: '1001', name: 'Lamp', sku: 'L-1', price: 12.5 }),
    previewProduct({ sourceId: '1002', name: 'Mouse', sku: 'M-1', price: 25 }),
    previewProduct({ sourceId: '1003', name: 'Chair', sku: 'C-1', price: 99 }),
  ];
  const api = createTestApi({
    Connections: () => ({ connections }),
    Patterns: () => ({ savedSearchPatterns: pageOf('SavedSearchPattern', [pattern({ id: 'p1', name: 'Under 30', filterConfig: { ...emptyFilter, priceMax: 30 } })]) }),
    ProductPreview: (v: Variables) => {
      const filter = (v.filter ?? {}) as { priceMax?: number; search?: string };
      const shown = products
        .filter((p) => filter.priceMax === undefined || (p.price as number) <= filter.priceMax)
        .filter((p) => !filter.search || String(p.name).includes(filter.search))
        .map((p) => ({ ...p, inSyncList: listed.has(String(p.sourceId)) }));
      return { productPreview: pageOf('PreviewProduct', shown) };
    },
    AddToSyncList: (v) => {
      const items = (v.input as { items: Array<{ sourceId: string }> }).items;
      items.forEach((i) => listed.add(i.sourceId));
      return { addToSyncList: { __typename: 'AddToSyncListPayload', items: items.map((i) => syncListItem({ sourceId: i.sourceId })), userErrors: noErrors } };
    },
  });
  renderWithApi(<ProductPreviewPage />, api);
  return api;
}

describe('ProductPreviewPage', () => {
  it('shows the source products of the first connection, marking those already listed', async () => {
    const api = setup();
    const chair = (await screen.findByText('Chair')).closest('tr') as HTMLElement;
    expect(within(chair).getByText('Listed')).toBeInTheDocument();
    expect(within(chair).getByRole('checkbox')).toBeDisabled();
    expect(screen.getByLabelText('Source connection')).toHaveValue('ns');
    expect(screen.getByLabelText('Target connection')).toHaveValue('sh');
    expect(api.callsOf('ProductPreview')[0]).toMatchObject({ connectionId: 'ns', filter: {} });
  });

  it('adds the selected products in delta mode with the filter and metadata', async () => {
    const api = setup();
    await userEvent.type(await screen.findByLabelText('Search'), 'a');
    await userEvent.click(screen.getByRole('button', { name: 'Show products' }));
    await waitFor(() => expect(api.callsOf('ProductPreview').at(-1)).toMatchObject({ filter: { search: 'a' } }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all products on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add to Sync List (1)' }));
    expect(await screen.findByText(/Added 1 product to the sync list/)).toBeInTheDocument();
    const { items } = api.callsOf('AddToSyncList')[0].input as { items: unknown[] };
    expect(items).toEqual([
      {
        itemType: 'PRODUCT',
        sourcePlatform: 'NETSUITE',
        targetPlatform: 'SHOPIFY',
        sourceConnectionId: 'ns',
        targetConnectionId: 'sh',
        sourceId: '1001',
        syncMode: 'DELTA',
        isActive: true,
        filterConfig: { search: 'a' },
        metadata: { name: 'Lamp', sku: 'L-1', price: 12.5 },
      },
    ]);
    await waitFor(() => expect(within(screen.getByText('Lamp').closest('tr') as HTMLElement).getByText('Listed')).toBeInTheDocument());
  });

  it('loads a saved pattern’s filters', async () => {
    const api = setup();
    await screen.findByText('Chair');
    await userEvent.selectOptions(screen.getByLabelText('Saved pattern'), 'p1');
    await waitFor(() => expect(screen.queryByText('Chair')).not.toBeInTheDocument());
    expect(api.callsOf('ProductPreview').at(-1)).toMatchObject({ filter: { priceMax: 30 } });
    expect(screen.getByLabelText('Max price')).toHaveValue('30');
    expect(screen.getByText(/pattern “Under 30”/)).toBeInTheDocument();
  });

  it('checks a price range before asking the server', async () => {
    const api = setup();
    await screen.findByText('Chair');
    const before = api.callsOf('ProductPreview').length;
    await userEvent.type(screen.getByLabelText('Min price'), '50');
    await userEvent.type(screen.getByLabelText('Max price'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Show products' }));
    expect(screen.getByLabelText('Max price')).toHaveAccessibleDescription('Must be at least the minimum price');
    expect(api.callsOf('ProductPreview')).toHaveLength(before);
  });

  it('points to the connections page when there are none', async () => {
    setup({ connections: [] });
    expect(await screen.findByText('No connections yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a connection' })).toHaveAttribute('href', '/connections');
  });
});
