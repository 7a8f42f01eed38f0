import type { CredentialCipher } from '../crypto/credentials.js';
import type { Database } from '../db/database.js';
import type { DemoUser } from '../http/auth-routes.js';

// Fixed ids so a restart finds what the first start seeded and inserts nothing twice.
function demoId(userIndex: number, kind: number, n: number): string {
  const tail = (kind * 0x10000 + userIndex * 0x100 + n).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${tail}`;
}

export const DEMO_SHOPIFY_TOKEN = 'shpat_demo_token';
export const DEMO_NETSUITE = { accountId: 'DEMO_SB1', consumerKey: 'demo-consumer-key', consumerSecret: 'demo-consumer-secret', tokenId: 'demo-token-id', tokenSecret: 'demo-token-secret' };

export interface DemoEndpoints {
  shopifyUrl: string | null;
  netsuiteUrl: string | null;
}

/**
 * Seeds the demo users with connections, patterns and sync-list items, once: every row
 * has a fixed id and is inserted with ON CONFLICT DO NOTHING, so restarts add nothing.
 * Without simulators the connections are seeded disabled.
 */
export async function seedDemo(db: Database, cipher: CredentialCipher, users: DemoUser[], endpoints: DemoEndpoints = { shopifyUrl: null, netsuiteUrl: null }): Promise<void> {
  const enabled = endpoints.shopifyUrl !== null && endpoints.netsuiteUrl !== null;
  await db.asService(async (tx) => {
    for (const [i, user] of users.entries()) {
      await tx.user.upsert({ where: { id: user.id }, create: { id: user.id, email: user.email }, update: {} });
      const shopifyId = demoId(i, 1, 1);
      const netsuiteId = demoId(i, 1, 2);
      await tx.connection.upsert({
        where: { id: shopifyId },
        create: {
          id: shopifyId,
          userId: user.id,
          platform: 'shopify',
          name: 'Demo Shopify store',
          config: { shopDomain: 'synclane-demo.myshopify.com', apiVersion: '2026-07', ...(endpoints.shopifyUrl ? { baseUrl: endpoints.shopifyUrl } : {}) },
          credentials: cipher.encrypt({ accessToken: DEMO_SHOPIFY_TOKEN }),
          status: enabled ? 'active' : 'disabled',
        },
        update: {},
      });
      await tx.connection.upsert({
        where: { id: netsuiteId },
        create: {
          id: netsuiteId,
          userId: user.id,
          platform: 'netsuite',
          name: 'Demo NetSuite account',
          config: { accountId: DEMO_NETSUITE.accountId, timeZone: 'America/New_York', locationId: '1', shippingItemId: '60', ...(endpoints.netsuiteUrl ? { baseUrl: endpoints.netsuiteUrl } : {}) },
          credentials: cipher.encrypt({ consumerKey: DEMO_NETSUITE.consumerKey, consumerSecret: DEMO_NETSUITE.consumerSecret, tokenId: DEMO_NETSUITE.tokenId, tokenSecret: DEMO_NETSUITE.tokenSecret }),
          status: enabled ? 'active' : 'disabled',
        },
        update: {},
      });
      // The simulators' ports may differ from the last start: point the demo connections at them.
      if (endpoints.shopifyUrl) await tx.$executeRaw`UPDATE connections SET config = config || jsonb_build_object('baseUrl', ${endpoints.shopifyUrl}::text) WHERE id = ${shopifyId}::uuid AND platform = 'shopify'`;
      if (endpoints.netsuiteUrl) await tx.$executeRaw`UPDATE connections SET config = config || jsonb_build_object('baseUrl', ${endpoints.netsuiteUrl}::text) WHERE id = ${netsuiteId}::uuid AND platform = 'netsuite'`;
      const patterns = [
        { name: 'Active Electronics', description: 'All active electronic products', direction: 'netsuite_to_shopify' as const, filterConfig: { status: ['active'], category: 'Electronics', priceMin: 10 } },
        { name: 'Budget apparel', description: 'Apparel under 50', direction: 'netsuite_to_shopify' as const, filterConfig: { category: 'Apparel', priceMax: 50 } },
      ];
      for (const [n, p] of patterns.entries()) {
        const id = demoId(i, 2, n + 1);
        await tx.savedSearchPattern.upsert({ where: { id }, create: { id, userId: user.id, ...p }, update: {} });
      }
      for (let n = 1; n <= 3; n++) {
        const id = demoId(i, 3, n);
        await tx.syncListItem.upsert({
          where: { id },
          create: {
            id,
            userId: user.id,
            itemType: 'product',
            sourcePlatform: 'netsuite',
            targetPlatform: 'shopify',
            sourceConnectionId: netsuiteId,
            targetConnectionId: shopifyId,
            sourceId: String(n),
            metadata: { name: `Demo product ${n}`, sku: `SKU-${String(n).padStart(6, '0')}` },
          },
          update: {},
        });
      }
    }
  });
}
