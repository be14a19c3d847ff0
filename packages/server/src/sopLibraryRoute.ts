/**
 * The SOP library over HTTP (DESIGN.md "SOPs"): the viewer reads platform-config/sops/ from
 * `/segqc/sops/`. The folder's listing is answered in the shape of nginx's
 * `autoindex on; autoindex_format json;` (ngx_http_autoindex_module), so a deployment that serves
 * the folder with nginx (platform-config/nginx/segqc.conf) and `npm start` look the same to the
 * viewer: `[{"name":"ct-lung-nodule.json","type":"file","mtime":"Tue, 05 Mar 2024 10:00:00 GMT","size":2215}]`.
 *
 * As nginx does, entries are listed directories first, then by byte order of the name; a
 * directory has no size, and hidden entries (leading `.`) are not listed (checked against nginx
 * 1.22). Stricter than nginx, hidden files are not served either, and only the folder's own files
 * are (the library is flat): a request path is one file name, so it cannot leave the folder.
 */
import { createReadStream, readdirSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { repositoryRoot } from './paths';

export const SOP_LIBRARY_PREFIX = '/segqc/sops/';

/** An entry of nginx's JSON autoindex. `mtime` is an HTTP date (RFC 1123, GMT). */
export interface AutoindexEntry {
  name: string;
  type: 'file' | 'directory';
  mtime: string;
  /** Bytes; nginx gives it for files only. */
  size?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** platform-config/sops of this checkout, unless SEGQC_SOP_DIR names another folder (read when called). */
export function defaultSopDir(): string {
  return resolve(process.env.SEGQC_SOP_DIR || join(repositoryRoot, 'platform-config', 'sops'));
}

/** Whether the host server should hand this path to serveSopLibrary. */
export function isSopLibraryPath(pathname: string): boolean {
  return pathname.startsWith(SOP_LIBRARY_PREFIX);
}

export function serveSopLibrary(req: IncomingMessage, res: ServerResponse, pathname: string, sopDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('the SOP library is read-only');
    return;
  }
  const relative = pathname.slice(SOP_LIBRARY_PREFIX.length);
  if (relative === '') return sendListing(req, res, sopDir);
  const name = fileName(relative);
  const stats = name === null ? undefined : statOrUndefined(join(sopDir, name));
  if (name === null || !stats?.isFile()) return notFound(res);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    // A SOP edited on the server is in force at the next page load.
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(join(sopDir, name)).pipe(res);
}

/** The folder's entries as nginx's JSON autoindex lists them: directories first, then by name. */
export function autoindexEntries(sopDir: string): AutoindexEntry[] {
  const entries: AutoindexEntry[] = [];
  for (const name of readdirSync(sopDir)) {
    if (name.startsWith('.')) continue;
    const stats = statOrUndefined(join(sopDir, name));
    if (!stats || (!stats.isFile() && !stats.isDirectory())) continue;
    const mtime = new Date(Math.floor(stats.mtimeMs / 1000) * 1000).toUTCString();
    entries.push(stats.isDirectory() ? { name, type: 'directory', mtime } : { name, type: 'file', mtime, size: stats.size });
  }
  const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return entries.sort((a, b) => (a.type === b.type ? byteOrder(a.name, b.name) : a.type === 'directory' ? -1 : 1));
}

function sendListing(req: IncomingMessage, res: ServerResponse, sopDir: string): void {
  let body: string;
  try {
    body = JSON.stringify(autoindexEntries(sopDir));
  } catch {
    // The folder is missing or unreadable; its path is the server's business, not the browser's.
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('the SOP library folder is missing or unreadable on the server (see SEGQC_SOP_DIR)');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The decoded file name, or null when the path is not one plain, visible name inside the folder. */
function fileName(relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.startsWith('.') || /[/\\\0]/.test(decoded)) return null;
  return decoded;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}
