import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connection, noErrors } from '../../../test/fixtures';
import { createTestApi, renderWithApi } from '../../../test/testApi';
import { ConnectionsPage } from './ConnectionsPage';

function setup() {
  let connections = [
    connection({ id: 'ns', name: 'NetSuite prod', credentialsSet: ['consumerKey', 'consumerSecret', 'tokenId', 'tokenSecret'] }),
    connection({ id: 'sh', platform: 'SHOPIFY', name: 'Main store', status: 'ERROR', lastError: 'Invalid API key', credentialsSet: ['accessToken'] }),
  ];
  const api = createTestApi({
    Connections: () => ({ connections }),
    CreateConnection: (v) => {
      const input = v.input as { name: string; shopify?: { shopDomain: string } };
      if (input.shopify?.shopDomain.startsWith('http:')) {
        return { createConnection: { __typename: 'ConnectionPayload', connection: null, userErrors: [{ __typename: 'UserError', field: ['input', 'shopify', 'shopDomain'], message: 'Must be an https shop domain', code: 'INVALID' }] } };
      }
      const created = connection({ platform: input.shopify ? 'SHOPIFY' : 'NETSUITE', name: input.name, credentialsSet: ['accessToken'] });
      connections = [...connections, created];
      return { createConnection: { __typename: 'ConnectionPayload', connection: created, userErrors: noErrors } };
    },
    TestConnection: () => ({ testConnection: { __typename: 'TestConnectionPayload', ok: false, message: 'HTTP 401 from Shopify', userErrors: noErrors } }),
    UpdateConnection: (v) => {
      const input = v.input as { enabled: boolean };
      connections = connections.map((c) => (c.id === v.id ? { ...c, status: input.enabled ? 'ACTIVE' : 'DISABLED' } : c));
      return { updateConnection: { __typename: 'ConnectionPayload', connection: connections.find((c) => c.id === v.id), userErrors: noErrors } };
    },
    DeleteConnection: () => ({ deleteConnection: { __typename: 'DeletePayload', deletedId: null, userErrors: [{ __typename: 'UserError', field: ['id'], message: '3 sync list items use this connection', code: 'IN_USE' }] } }),
  });
  renderWithApi(<ConnectionsPage />, api);
  return api;
}

const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

describe('ConnectionsPage', () => {
  it('lists platform, status, last error and which credentials are set', async () => {
    setup();
    await screen.findByText('Main store');
    expect(within(row('Main store')).getByText('Error')).toBeInTheDocument();
    expect(within(row('Main store')).getByText('Invalid API key')).toBeInTheDocument();
    expect(within(row('Main store')).getByText('✓ Admin API access token')).toBeInTheDocument();
    expect(within(row('NetSuite prod')).getByText('✓ Token secret')).toBeInTheDocument();
  });

  it('creates a Shopify connection, then forgets the secret it was given', async () => {
    const api = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'New connection' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Shopify' }));
    await userEvent.type(screen.getByLabelText('Connection name'), 'Outlet');
    await userEvent.type(screen.getByLabelText('Shop domain'), 'outlet.myshopify.com');
    const secret = screen.getByLabelText('Admin API access token');
    expect(secret).toHaveAttribute('type', 'password');
    await userEvent.type(secret, 'shpat_secret');
    await userEvent.click(screen.getByText('Advanced settings'));
    await userEvent.type(screen.getByLabelText('Location ID (optional)'), 'gid://shopify/Location/9');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(await screen.findByText(/Connection “Outlet” saved/)).toBeInTheDocument();
    expect(api.callsOf('CreateConnection')[0]).toEqual({
      input: { name: 'Outlet', shopify: { shopDomain: 'outlet.myshopify.com', accessToken: 'shpat_secret', locationId: 'gid://shopify/Location/9' } },
    });
    expect(screen.queryByDisplayValue('shpat_secret')).not.toBeInTheDocument();
    expect(await screen.findByText('Outlet')).toBeInTheDocument();
  });

  it('shows a field’s userError beside it and checks required fields first', async () => {
    const api = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'New connection' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Shopify' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(screen.getByLabelText('Connection name')).toHaveAccessibleDescription('Required');
    expect(api.callsOf('CreateConnection')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Connection name'), 'Bad');
    await userEvent.type(screen.getByLabelText('Shop domain'), 'http://evil');
    await userEvent.type(screen.getByLabelText('Admin API access token'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(screen.getByLabelText('Shop domain')).toHaveAccessibleDescription('Must be an https shop domain'));
  });

  it('NetSuite form has the optional location, shipping item and time zone settings', async () => {
    setup();
    await userEvent.click(await screen.findByRole('button', { name: 'New connection' }));
    for (const label of ['Account ID', 'Consumer key', 'Consumer secret', 'Token ID', 'Token secret', 'Location ID (optional)', 'Shipping item ID (optional)', 'Account time zone (optional)']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
  });

  it('tests, disables and reports IN_USE on delete plainly', async () => {
    const api = setup();
    await screen.findByText('Main store');
    await userEvent.click(screen.getByRole('button', { name: 'Test Main store' }));
    expect(await within(row('Main store')).findByText('HTTP 401 from Shopify')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Disable NetSuite prod' }));
    await waitFor(() => expect(api.callsOf('UpdateConnection')).toEqual([{ id: 'ns', input: { enabled: false } }]));
    expect(await screen.findByRole('button', { name: 'Enable NetSuite prod' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete NetSuite prod' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Still in use: 3 sync list items use this connection')).toBeInTheDocument();
  });
});
