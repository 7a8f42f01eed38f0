import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { usePreviewSelection } from '../../preview/hooks/usePreviewSelection';
import { connection, emptyFilter, noErrors, pageOf, pattern } from '../../../test/fixtures';
import { createTestApi, renderWithApi } from '../../../test/testApi';
import { PatternsTab } from './PatternsTab';

function SelectionProbe() {
  const { filter, pattern: applied } = usePreviewSelection();
  return <output data-testid="selection">{JSON.stringify({ filter, applied: applied?.name ?? null })}</output>;
}

function setup() {
  let patterns = [pattern({ name: 'Active electronics' }), pattern({ name: 'Cheap office', description: null, filterConfig: { ...emptyFilter, priceMax: 20, category: 'Office' } })];
  const api = createTestApi({
    Patterns: () => ({ savedSearchPatterns: pageOf('SavedSearchPattern', patterns) }),
    Connections: () => ({ connections: [connection({ id: 'ns-1' })] }),
    CreatePattern: (v) => {
      const input = v.input as { name: string };
      if (patterns.some((p) => p.name === input.name)) {
        return { createSavedSearchPattern: { __typename: 'SavedSearchPatternPayload', pattern: null, userErrors: [{ __typename: 'UserError', field: ['input', 'name'], message: 'This name is already taken', code: 'TAKEN' }] } };
      }
      const created = pattern({ name: input.name });
      patterns = [created, ...patterns];
      return { createSavedSearchPattern: { __typename: 'SavedSearchPatternPayload', pattern: created, userErrors: noErrors } };
    },
    DeletePattern: (v) => {
      patterns = patterns.filter((p) => p.id !== v.id);
      return { deleteSavedSearchPattern: { __typename: 'DeletePayload', deletedId: v.id, userErrors: noErrors } };
    },
  });
  renderWithApi(
    <>
      <PatternsTab />
      <SelectionProbe />
    </>,
    api,
    { preview: { connectionId: 'ns-1', filter: { status: ['active'], search: 'usb' } } },
  );
  return api;
}

describe('PatternsTab', () => {
  it('lists patterns with direction, filter summary and update time', async () => {
    setup();
    const row = (await screen.findByText('Cheap office')).closest('tr') as HTMLElement;
    expect(within(row).getByText('NetSuite → Shopify')).toBeInTheDocument();
    expect(within(row).getByText('price ≤ 20 · category: Office')).toBeInTheDocument();
  });

  it('saves the current preview filters as a pattern', async () => {
    const api = setup();
    expect(await screen.findByText('status: active · “usb”')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Pattern name'), 'USB things');
    await userEvent.type(screen.getByLabelText('Description (optional)'), 'All USB');
    await userEvent.click(screen.getByRole('button', { name: 'Save pattern' }));
    expect(await screen.findByText('Saved pattern “USB things”.')).toBeInTheDocument();
    expect(api.callsOf('CreatePattern')[0]).toEqual({
      input: { name: 'USB things', description: 'All USB', direction: 'NETSUITE_TO_SHOPIFY', filterConfig: { status: ['active'], search: 'usb' } },
    });
    expect(screen.getByLabelText('Pattern name')).toHaveValue('');
  });

  it('shows the API’s userErrors beside the field', async () => {
    setup();
    await screen.findByText('Cheap office');
    await userEvent.type(screen.getByLabelText('Pattern name'), 'Cheap office');
    await userEvent.click(screen.getByRole('button', { name: 'Save pattern' }));
    const field = screen.getByLabelText('Pattern name');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription('This name is already taken');
  });

  it('applies a pattern to the product preview', async () => {
    setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Apply Cheap office' }));
    expect(JSON.parse(screen.getByTestId('selection').textContent ?? '')).toEqual({ filter: { priceMax: 20, category: 'Office' }, applied: 'Cheap office' });
    expect(window.location.pathname).toBe('/preview');
  });

  it('deletes a pattern only after confirmation', async () => {
    const api = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Active electronics' }));
    expect(api.callsOf('DeletePattern')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Deleted “Active electronics”.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Apply Active electronics' })).not.toBeInTheDocument());
  });
});
