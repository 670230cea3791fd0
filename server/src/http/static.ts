import express from 'express';
import type { Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Anor</title></head>
<body><h1>Anor</h1><p>The server is running, but the web client is not built.
Run <code>npm run build:client</code> and reload.</p></body></html>`;

/**
 * Serves the built client with a fallback to index.html for client-side routes
 * (the SPA owns every path outside /api and /socket.io). Without a build, a
 * short page says so instead of a bare 404.
 */
export function serveClient(app: Express, clientDir: string): void {
  const index = join(clientDir, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    app.get('/{*path}', (_req, res) => {
      res.type('html').send(PLACEHOLDER);
    });
  }
}
