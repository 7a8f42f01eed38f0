import { describe, expect, it } from 'vitest';
import { throwOnUserErrors } from './user-errors.js';

describe('throwOnUserErrors', () => {
  it('passes when there are none', () => {
    expect(() => throwOnUserErrors('productSet', [])).not.toThrow();
    expect(() => throwOnUserErrors('productSet', null)).not.toThrow();
  });

  it('surfaces Shopify\'s message as a permanent error, a missing product as not_found', () => {
    expect(() => throwOnUserErrors('productSet', [{ field: ['input', 'title'], message: "Title can't be blank", code: 'BLANK' }]))
      .toThrow(expect.objectContaining({ kind: 'permanent', message: "Shopify productSet failed: input.title: Title can't be blank (BLANK)" }));
    expect(() => throwOnUserErrors('productUpdate', [{ field: ['id'], message: 'Product does not exist', code: 'PRODUCT_DOES_NOT_EXIST' }]))
      .toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});
