import { seededRandom } from './common/faults.js';

export type CatalogueStatus = 'active' | 'draft' | 'archived';

export interface CatalogueProduct {
  /** 1-based position; platforms derive their ids from it. */
  index: number;
  sku: string;
  title: string;
  /** Decimal string with two places. */
  price: string;
  status: CatalogueStatus;
  category: string;
  quantity: number;
}

export interface CatalogueOrderLine {
  sku: string;
  quantity: number;
  price: string;
}

export interface CatalogueOrder {
  index: number;
  name: string;
  email: string;
  firstName: string;
  lastName: string;
  currency: string;
  lines: CatalogueOrderLine[];
  shipping: string;
}

export interface CatalogueOptions {
  seed?: number;
  products?: number;
  orders?: number;
}

export interface Catalogue {
  products: CatalogueProduct[];
  orders: CatalogueOrder[];
}

const CATEGORIES = ['Electronics', 'Apparel', 'Home', 'Garden', 'Toys', 'Sports', 'Books', 'Beauty'];
const ADJECTIVES = ['Classic', 'Modern', 'Compact', 'Deluxe', 'Eco', 'Rugged', 'Smart', 'Vintage', 'Ultra', 'Essential'];
const NOUNS = ['Lamp', 'Backpack', 'Speaker', 'Jacket', 'Kettle', 'Drone', 'Chair', 'Watch', 'Bottle', 'Headphones', 'Planter', 'Puzzle'];
const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Frances'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Allen'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** Deterministic catalogue: the same seed and sizes always give the same records. 100,000 products take well under a second. */
export function generateCatalogue(options: CatalogueOptions = {}): Catalogue {
  const random = seededRandom(options.seed ?? 42);
  const productCount = options.products ?? 50;
  const products: CatalogueProduct[] = [];
  for (let i = 1; i <= productCount; i++) {
    const roll = random();
    products.push({
      index: i,
      sku: `SKU-${String(i).padStart(6, '0')}`,
      title: `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} ${i}`,
      price: (1 + Math.floor(random() * 99_900) / 100).toFixed(2),
      status: roll < 0.8 ? 'active' : roll < 0.92 ? 'draft' : 'archived',
      category: pick(random, CATEGORIES),
      quantity: Math.floor(random() * 500),
    });
  }
  const orders: CatalogueOrder[] = [];
  for (let i = 1; i <= (options.orders ?? 0) && products.length > 0; i++) {
    const lineCount = 1 + Math.floor(random() * 3);
    const lines: CatalogueOrderLine[] = [];
    for (let l = 0; l < lineCount; l++) {
      const p = pick(random, products);
      lines.push({ sku: p.sku, quantity: 1 + Math.floor(random() * 4), price: p.price });
    }
    const firstName = pick(random, FIRST);
    const lastName = pick(random, LAST);
    orders.push({
      index: i,
      name: `#${1000 + i}`,
      email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase(),
      firstName,
      lastName,
      currency: 'USD',
      lines,
      shipping: (Math.floor(random() * 2000) / 100).toFixed(2),
    });
  }
  return { products, orders };
}
