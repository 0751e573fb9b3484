// The built front end (`dist/console-web`, see scripts/build-console.sh): index.html at `/` (pages are #/…
// addresses), the compiled modules and the style sheet under /assets/. A small handler rather than a static-file framework: a
// fixed set of file types, nothing outside the folder.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** dist/apps/console/src/ → dist/console-web/ */
export const ASSETS_DIR = path.resolve(__dirname, '..', '..', '..', 'console-web');

export function consoleAssets(dir: string = ASSETS_DIR) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/' || request.path === '/index.html') return send(response, path.join(dir, 'index.html'), 'no-cache');
    if (!request.path.startsWith('/assets/')) return next();
    const file = path.resolve(dir, '.' + decodeURIComponent(request.path));
    const type = TYPES[path.extname(file)];
    if (!file.startsWith(dir + path.sep) || !type || !isFile(file)) return next();
    send(response, file, 'no-cache');
  };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function send(response: Response, file: string, cacheControl: string): void {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  response.status(200).setHeader('content-type', type);
  response.setHeader('cache-control', cacheControl);
  response.send(readFileSync(file));
}
