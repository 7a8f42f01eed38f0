import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallCounters } from '../common/counters.js';
import { dropConnection, type FaultInjector } from '../common/faults.js';
import { HttpError, readBody, type Handler } from '../common/http.js';
import type { TbaVerifier } from './oauth.js';
import { handleRecord, recordOperation } from './records.js';
import { errorResponse, NetSuiteError, type SimResponse } from './responses.js';
import type { SimState } from './state.js';
import { handleSuiteQL } from './suiteql-route.js';

const RECORD_PREFIX = '/services/rest/record/v1/';

export interface ApiDeps {
  state: SimState;
  counters: CallCounters;
  faults: FaultInjector;
  verifier: TbaVerifier;
  /** Requests being served now, against the account's concurrency limit. */
  inFlight: { count: number; peak: number };
  /** Reasons of refused logins, newest last: NetSuite only shows them in its Login Audit Trail. */
  loginAudit: string[];
}

function operationOf(method: string, path: string): string {
  if (path.startsWith(RECORD_PREFIX)) return recordOperation(method, path.slice(RECORD_PREFIX.length).split('/').filter(Boolean));
  if (path === '/services/rest/query/v1/suiteql') return 'suiteql';
  if (path === '/services/rest/system/v1/serverTime') return 'serverTime';
  return 'unknown';
}

function write(res: ServerResponse, r: SimResponse): void {
  const headers: Record<string, string> = { ...r.headers };
  if (r.status === 204 || r.body === undefined) {
    res.writeHead(r.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(r.body);
  headers['content-type'] = r.contentType ?? 'application/vnd.oracle.resource+json; type=singular-resource';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers);
  res.end(text);
}

export function createApiHandler(deps: ApiDeps): Handler {
  const { state, counters, faults, verifier, inFlight } = deps;
  const throttled = (): SimResponse => {
    const q = state.options.quirks;
    counters.inc('rejected.429');
    return errorResponse(429, [{ detail: 'Too many concurrent requests. The account concurrency limit has been reached.', code: q.throttleErrorCode }], q.throttleRetryAfterSeconds === null ? {} : { 'retry-after': String(q.throttleRetryAfterSeconds) });
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const operation = operationOf(method, url.pathname);
    counters.inc(operation);
    if (inFlight.count >= state.options.concurrencyLimit) {
      write(res, throttled());
      return;
    }
    inFlight.count += 1;
    inFlight.peak = Math.max(inFlight.peak, inFlight.count);
    let released = false;
    // The slot is freed before the answer is written, so a client that has read the answer can never be refused for it.
    const release = () => {
      if (!released) inFlight.count -= 1;
      released = true;
    };
    try {
      const decision = await faults.decide();
      if (decision.kind === 'drop') {
        counters.inc('fault.drop');
        release();
        dropConnection(req, res);
        return;
      }
      let response: SimResponse;
      if (decision.kind === 'throttle') response = throttled();
      else if (decision.kind === 'error') response = errorResponse(decision.status, [{ detail: 'An unexpected error occurred. Error ID: sim-fault', code: 'UNEXPECTED_ERROR' }]);
      else response = await serve(req, url, method, operation);
      release();
      write(res, response);
    } catch (err) {
      release();
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof NetSuiteError) write(res, err.toResponse());
      else if (err instanceof HttpError) write(res, errorResponse(err.status, [{ detail: err.message, code: 'INVALID_CONTENT' }]));
      else write(res, errorResponse(500, [{ detail: err instanceof Error ? err.message : String(err), code: 'UNEXPECTED_ERROR' }]));
    }
  };

  async function serve(req: IncomingMessage, url: URL, method: string, operation: string): Promise<SimResponse> {
    const text = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
    const check = verifier.verify(method, url, req.headers.authorization);
    if (!check.ok) {
      counters.inc('rejected.401');
      deps.loginAudit.push(check.reason);
      if (deps.loginAudit.length > 100) deps.loginAudit.shift();
      const realm = state.options.accountId;
      return errorResponse(401, [{ detail: 'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.', code: 'INVALID_LOGIN' }], {
        'www-authenticate': `OAuth realm="${realm}", error="token_rejected", error_description="Invalid login attempt."`,
      });
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new NetSuiteError(400, 'INVALID_CONTENT', 'The request body is not valid JSON.');
    }
    if (operation === 'suiteql' && method === 'POST') return handleSuiteQL(state, url, [req.headers.prefer ?? []].flat().join(','), body);
    if (operation === 'serverTime' && method === 'GET') {
      const now = state.clock.now().toISOString();
      return { status: 200, body: state.options.quirks.serverTimeBody === 'string' ? now : { serverTime: now } };
    }
    if (operation.startsWith('record.')) {
      const segments = url.pathname.slice(RECORD_PREFIX.length).split('/').filter(Boolean);
      return handleRecord(state, { method, url, segments, body });
    }
    throw new NetSuiteError(404, 'INVALID_REQUEST', `No resource at ${url.pathname}.`);
  }
}
