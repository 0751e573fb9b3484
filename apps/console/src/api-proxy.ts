// `/v1/*` forwarded to the API as it came (method, path and query, body streamed), so the browser talks to one
// origin. Only the headers the API reads go out and only the ones the console needs come back; answers are never
// cached (they carry personal data), but an ETag passes through so the console can ask "changed since?".
import http from 'node:http';
import https from 'node:https';
import type { Request, Response } from 'express';
import type { Logger } from '@baoho/observability';

const REQUEST_HEADERS = ['accept', 'authorization', 'content-type', 'content-length', 'idempotency-key', 'if-none-match'];
const RESPONSE_HEADERS = ['content-type', 'content-length', 'etag', 'retry-after', 'location', 'www-authenticate'];

export function apiProxy(apiUrl: string, logger: Logger) {
  const base = new URL(apiUrl);
  const client = base.protocol === 'https:' ? https : http;
  return (request: Request, response: Response): void => {
    const headers: Record<string, string> = {};
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = client.request(
      { protocol: base.protocol, hostname: base.hostname, port: base.port, method: request.method, path: request.originalUrl, headers, timeout: 30_000 },
      (answer) => {
        response.status(answer.statusCode ?? 502);
        for (const name of RESPONSE_HEADERS) {
          const value = answer.headers[name];
          if (typeof value === 'string') response.setHeader(name, value);
        }
        response.setHeader('cache-control', 'no-store');
        answer.pipe(response);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('the API did not answer in time')));
    upstream.on('error', (error) => {
      // The path may hold a case number, never personal data; the error is the socket's.
      logger.warn({ err: error.message, method: request.method }, 'forwarding to the API failed');
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.status(502).type('application/problem+json').send(
        JSON.stringify({ type: 'about:blank', title: 'The API is not reachable', status: 502, code: 'API_UNREACHABLE', detail: 'try again in a moment' }),
      );
    });
    request.pipe(upstream);
  };
}
