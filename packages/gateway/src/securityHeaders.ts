import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The policy headers on every answer, pages and assets alike (@fastify/helmet): the given CSP,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY` for
 * browsers older than `frame-ancestors`, `Cross-Origin-Opener-Policy: same-origin`,
 * `Cross-Origin-Resource-Policy: same-origin`, and HSTS when the request came over TLS (directly,
 * or through a trusted proxy that says so).
 */
export async function registerSecurityHeaders(app: FastifyInstance, contentSecurityPolicy: string): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    hsts: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
