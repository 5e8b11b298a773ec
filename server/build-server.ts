// Wires the contexts' routes into the HTTP application.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import {
  collectiveActionsRoutes,
  demandsRoutes,
  registerActionSubjects,
  registerDemandSubject,
} from './actions/index.ts';
import {
  assembliesRoutes,
  assemblyPetitionsRoutes,
  minutesRoutes,
  motionsRoutes,
  openRecallVote,
  pollsRoutes,
  referendumsRoutes,
  speakersRoutes,
} from './decisions/index.ts';
import {
  apportionmentRoutes,
  councilsRoutes,
  mandatesRoutes,
  recallPetitionsRoutes,
} from './federation/index.ts';
import { joinApplicationsRoutes, membershipsRoutes, sessionRoutes } from './members/index.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/database.ts';
import { buildHttpApp } from './platform/http-app.ts';
import {
  priceCapsRoutes,
  priceReportsRoutes,
  priceSeriesRoutes,
  priceViolationsRoutes,
  registerPriceCapSubject,
} from './prices/index.ts';
import { incidentsRoutes, rostersRoutes, shiftsRoutes } from './rosters/index.ts';
import {
  depotsRoutes,
  distributionRoundsRoutes,
  householdsRoutes,
  itemsRoutes,
  rationRulesRoutes,
  registerRationRuleSubject,
  requisitionsRoutes,
  stockEventsRoutes,
  transfersRoutes,
} from './supply/index.ts';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../dist/web');

export function buildServer(
  database: DatabaseHandle,
  config: Config,
  options: { logger?: boolean; webDir?: string } = {},
) {
  // Subjects other contexts have decided by vote (decisions/poll-subjects.ts), before any poll closes.
  registerRationRuleSubject();
  registerPriceCapSubject();
  registerActionSubjects();
  registerDemandSubject();
  return buildHttpApp({
    database,
    config,
    routes: [
      sessionRoutes,
      councilsRoutes,
      apportionmentRoutes,
      mandatesRoutes,
      recallPetitionsRoutes({ openRecallVote }),
      assembliesRoutes,
      assemblyPetitionsRoutes,
      pollsRoutes,
      minutesRoutes,
      motionsRoutes,
      speakersRoutes,
      referendumsRoutes,
      joinApplicationsRoutes,
      membershipsRoutes,
      itemsRoutes,
      depotsRoutes,
      stockEventsRoutes,
      transfersRoutes,
      householdsRoutes,
      rationRulesRoutes,
      distributionRoundsRoutes,
      requisitionsRoutes,
      priceSeriesRoutes,
      priceCapsRoutes,
      priceReportsRoutes,
      priceViolationsRoutes,
      shiftsRoutes,
      incidentsRoutes,
      rostersRoutes,
      collectiveActionsRoutes,
      demandsRoutes,
    ],
    logger: options.logger ?? false,
    ...(options.webDir ? { webDir: options.webDir } : {}),
  }) as Promise<FastifyInstance>;
}
