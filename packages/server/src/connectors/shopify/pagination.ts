import type { PageInfo } from './mappers/wire.js';

export interface Page<TNode> {
  nodes: TNode[];
  pageInfo: PageInfo;
  serverTime: Date | undefined;
}

/** Follows `endCursor` under one unchanged query until Shopify says there is no next page. */
export async function* followPages<TNode>(fetchPage: (after: string | null) => Promise<Page<TNode>>, after: string | null = null): AsyncGenerator<Page<TNode>> {
  let cursor = after;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    cursor = page.pageInfo.endCursor;
  }
}
