import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface ControlRoute {
  method: 'GET' | 'POST';
  /** Path below /__sim/, e.g. "faults". */
  path: string;
  handle: (body: unknown) => unknown | Promise<unknown>;
}

/** A loopback HTTP server: `/__sim/*` is the control API, the rest goes to the platform handler. */
export class SimHttpServer {
  private server: Server | undefined;
  private port: number;

  constructor(private readonly handler: Handler, private readonly controls: ControlRoute[], port = 0, private readonly host = '127.0.0.1') {
    this.port = port;
  }

  get url(): string {
    if (!this.server) throw new Error('simulator is not started');
    return `http://${this.host}:${this.port}`;
  }

  async start(): Promise<string> {
    if (this.server) return this.url;
    const server = createServer((req, res) => void this.route(req, res));
    // Keep-alive sockets must not hold stop() open.
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? this.host}`);
    try {
      if (url.pathname.startsWith('/__sim/')) {
        const path = url.pathname.slice('/__sim/'.length);
        const route = this.controls.find((c) => c.path === path && c.method === req.method);
        if (!route) return sendJson(res, 404, { error: `no control route ${req.method} /__sim/${path}` });
        const text = req.method === 'POST' ? await readBody(req) : '';
        const body: unknown = text ? JSON.parse(text) : {};
        return sendJson(res, 200, (await route.handle(body)) ?? { ok: true });
      }
      await this.handler(req, res, url);
    } catch (err) {
      if (res.headersSent) return void res.destroy();
      const status = err instanceof HttpError ? err.status : err instanceof SyntaxError ? 400 : 500;
      sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
    }
  }
}
