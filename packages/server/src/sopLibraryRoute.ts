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
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** Answers GET/HEAD `/segqc/sops/` + `relative` (still percent-encoded) from `sopDir`. */
export function serveSopLibrary(request: FastifyRequest, reply: FastifyReply, relative: string, sopDir: string): FastifyReply {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return reply.code(405).header('allow', 'GET, HEAD').type('text/plain; charset=utf-8').send('the SOP library is read-only');
  }
  if (relative === '') return sendListing(reply, sopDir);
  const name = fileName(relative);
  const stats = name === null ? undefined : statOrUndefined(join(sopDir, name));
  if (name === null || !stats?.isFile()) return notFound(reply);
  // A SOP edited on the server is in force at the next page load.
  reply.code(200).header('content-type', CONTENT_TYPES[extname(name)] ?? 'application/octet-stream').header('content-length', stats.size).header('cache-control', 'no-cache');
  // Fastify ends a HEAD answer without a body; a file that fails mid-read ends the response.
  return reply.send(request.method === 'HEAD' ? '' : createReadStream(join(sopDir, name)));
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

function sendListing(reply: FastifyReply, sopDir: string): FastifyReply {
  let body: string;
  try {
    body = JSON.stringify(autoindexEntries(sopDir));
  } catch {
    // The folder is missing or unreadable; its path is the server's business, not the browser's.
    return reply.code(404).type('text/plain; charset=utf-8').send('the SOP library folder is missing or unreadable on the server (see SEGQC_SOP_DIR)');
  }
  // As a Buffer: Fastify would add a charset to a string's type, which nginx's listing has not.
  return reply.code(200).header('content-type', 'application/json').header('cache-control', 'no-cache').send(Buffer.from(body));
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

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).type('text/plain; charset=utf-8').send('not found');
}
