import type { DirectoryCaseStore } from '@segqc/case-store';
import type { ProgrammeCases } from '@segqc/core';
import type { FastifyPluginAsync } from 'fastify';
import { AccessTokenError, type AccessTokenVerifier } from './accessTokens';
import { sendGatewayError, sendUnauthenticated } from './gatewayError';
import { permissionsOf } from './rolePolicy';

/** Where the programme pages read the case store. */
export const PROGRAMME_CASES_PATH = '/segqc/api/cases';

/**
 * `GET /segqc/api/cases`: every case of the programme's case store (its overview row and triage)
 * and how the last sync went, for the QC overview, read in one answer instead of the whole PACS.
 * With sign-in, only a user who may read everything (reviewer, adjudicator, QA lead) gets it: the
 * triage names every annotator and their agreement, which blinding keeps from annotators. A gateway
 * that keeps no store answers that nothing was ever synced (not the viewer's page, which a
 * single-page app serves for any other path; not a 404, which browsers log as an error on every
 * visit): the overview then reads the PACS itself.
 */
export const programmeCasesRoute: FastifyPluginAsync<{ store?: DirectoryCaseStore; accessTokens?: AccessTokenVerifier }> = async (app, options) => {
  app.get('/', async (request, reply) => {
    const { store } = options;
    // Nothing kept, nothing to guard: every user's overview reads the PACS through the usual policy.
    if (!store) return reply.header('cache-control', 'no-store').send({ sync: null, cases: [] } satisfies ProgrammeCases);
    if (options.accessTokens) {
      let roles;
      try {
        ({ roles } = await options.accessTokens(request.headers.authorization));
      } catch (error) {
        if (!(error instanceof AccessTokenError)) throw error;
        return sendUnauthenticated(reply, error.message);
      }
      if (roles.length === 0) return sendGatewayError(reply, 403, 'no-role', 'the signed-in user has no SegQC role');
      if (permissionsOf(roles).reads !== 'everything') return sendGatewayError(reply, 403, 'blinded', 'the programme\'s cases name every annotator\'s agreement: they are for reviewers, adjudicators and QA leads');
    }
    const cases = (await store.allRows()).map(({ summary, triage, computedAt }) => ({ summary, triage, computedAt }));
    return reply.header('cache-control', 'no-store').send({ sync: store.sync(), cases } satisfies ProgrammeCases);
  });
};
