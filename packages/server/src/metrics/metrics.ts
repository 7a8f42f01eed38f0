import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SyncMetrics } from '../sync/engine.js';

/** Prometheus metrics (issue 6 "Operations"); one registry per process. */
export class Metrics implements SyncMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({ name: 'synclane_sync_runs_total', help: 'Sync runs finished, by type and status', labelNames: ['sync_type', 'status'], registers: [this.registry] });
  private readonly items = new Counter({ name: 'synclane_sync_items_total', help: 'Sync items finished, by action and reason', labelNames: ['action', 'reason'], registers: [this.registry] });
  private readonly requests = new Counter({ name: 'synclane_platform_requests_total', help: 'Requests to the platforms, by platform and outcome', labelNames: ['platform', 'outcome'], registers: [this.registry] });
  private readonly rateWait = new Counter({ name: 'synclane_rate_limit_wait_seconds_total', help: 'Time spent waiting on rate limits, by platform', labelNames: ['platform'], registers: [this.registry] });
  private readonly runDuration = new Histogram({ name: 'synclane_sync_run_duration_seconds', help: 'Sync run duration', labelNames: ['sync_type'], buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800], registers: [this.registry] });
  private readonly itemDuration = new Histogram({ name: 'synclane_sync_item_duration_seconds', help: 'Sync item duration', labelNames: ['action'], buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  runFinished(syncType: string, status: string, durationMs: number): void {
    this.runs.inc({ sync_type: syncType, status });
    this.runDuration.observe({ sync_type: syncType }, durationMs / 1000);
  }

  itemFinished(action: string, reason: string, durationMs: number): void {
    this.items.inc({ action, reason });
    this.itemDuration.observe({ action }, durationMs / 1000);
  }

  /** Hooks the connectors call (source and target requests alike). */
  request(platform: string, outcome: string): void {
    this.requests.inc({ platform, outcome });
  }

  rateLimitWait(platform: string, ms: number): void {
    if (ms > 0) this.rateWait.inc({ platform }, ms / 1000);
  }
}
