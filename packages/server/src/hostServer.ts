import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, normalize, sep } from 'node:path';
import { repeatIncludeFields } from './qidoIncludeFields';
import { defaultSopDir, isSopLibraryPath, serveSopLibrary } from './sopLibraryRoute';

export interface HostServerOptions {
  /** The prebuilt OHIF viewer (dist/ of @ohif/app), served untouched. */
  viewerDir: string;
  /** Served as /app-config.js in place of the viewer's own. */
  appConfigFile: string;
  /** Folders of the SegQC bundles (extension, mode), served together under /segqc/. */
  bundleDirs: string[];
  /** The PACS's DICOMweb root that /dicom-web is forwarded to. */
  dicomwebUpstream: URL;
  /**
   * Forward the browser's Host header. Orthanc builds BulkDataURIs from it, so they point back
   * at this origin; a PACS behind virtual hosting or TLS needs its own host name instead.
   */
  keepHostHeader: boolean;
  /** The SOP library served under /segqc/sops/; platform-config/sops or SEGQC_SOP_DIR when absent. */
  sopDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const DICOMWEB_PREFIX = '/dicom-web';
export const BUNDLES_PREFIX = '/segqc/';

/** One origin for the viewer, the SegQC bundles, the app-config and the PACS (no CORS needed). */
export function createHostServer(options: HostServerOptions): Server {
  const sopDir = options.sopDir ?? defaultSopDir();
  return createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://host').pathname;
    if (pathname === DICOMWEB_PREFIX || pathname.startsWith(`${DICOMWEB_PREFIX}/`)) return forwardToPacs(req, res, options);
    if (pathname === '/app-config.js') return sendFile(res, options.appConfigFile, true);
    if (isSopLibraryPath(pathname)) return serveSopLibrary(req, res, pathname, sopDir);
    if (pathname.startsWith(BUNDLES_PREFIX)) return sendBundle(res, options.bundleDirs, pathname.slice(BUNDLES_PREFIX.length));
    const file = resolveInside(options.viewerDir, pathname);
    if (file && isFile(file)) return sendFile(res, file, false);
    // The viewer is a single-page app: routes such as /segmentation-qc?StudyInstanceUIDs=… get index.html.
    if (extname(pathname) && extname(pathname) !== '.html') return notFound(res);
    return sendFile(res, join(options.viewerDir, 'index.html'), true);
  });
}

function forwardToPacs(req: IncomingMessage, res: ServerResponse, options: HostServerOptions): void {
  const upstream = options.dicomwebUpstream;
  const incoming = new URL(req.url ?? '/', 'http://host');
  const path = upstream.pathname.replace(/\/$/, '') + incoming.pathname.slice(DICOMWEB_PREFIX.length) + repeatIncludeFields(incoming.search);
  const headers = { ...req.headers };
  if (!options.keepHostHeader) {
    headers['x-forwarded-host'] = req.headers.host;
    headers.host = upstream.host;
  }
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const forwarded = send(
    { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`PACS unreachable at ${upstream.origin}: ${error.message}`);
  });
  req.pipe(forwarded);
}

function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function sendBundle(res: ServerResponse, bundleDirs: string[], relative: string): void {
  for (const dir of bundleDirs) {
    const file = resolveInside(dir, relative);
    if (file && isFile(file)) return sendFile(res, file, true);
  }
  notFound(res);
}

function sendFile(res: ServerResponse, file: string, noStore: boolean): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return notFound(res);
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    ...(noStore ? { 'Cache-Control': 'no-store' } : {}),
  });
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}
