import type { FastifyPluginAsync } from 'fastify';
import { AccessTokenError, type AccessTokenVerifier } from './accessTokens';
import { sendUnauthenticated } from './gatewayError';
import { loginOf } from './recordedPerson';
import { permissionsOf } from './rolePolicy';

/** Where the viewer asks who the gateway takes it for. */
export const SESSION_PATH = '/segqc/session';

/**
 * `GET /segqc/session` with the user's access token: who the gateway takes them for, their SegQC
 * roles (mapped as for DICOMweb, segqcRoles.ts) and what the role policy lets them read and store,
 * so that the viewer offers only what the gateway will accept (a reviewer is not offered Sign).
 * The gateway's answer, not the browser's reading of its token: the same check as every request.
 */
export const sessionRoute: FastifyPluginAsync<{ accessTokens: AccessTokenVerifier }> = async (app, options) => {
  app.get('/', async (request, reply) => {
    try {
      const user = await options.accessTokens(request.headers.authorization);
      return reply.header('cache-control', 'no-store').send({ issuer: user.issuer, subject: user.subject, login: loginOf(user), roles: user.roles, ...permissionsOf(user.roles) });
    } catch (error) {
      if (!(error instanceof AccessTokenError)) throw error;
      return sendUnauthenticated(reply, error.message);
    }
  });
};
