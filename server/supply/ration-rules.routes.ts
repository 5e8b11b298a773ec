// HTTP routes of ration rules (proposed, put to the vote, adopted) and the limits bodies set on them.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ParentLimits } from '../../core/supply/ration-rule.ts';
import { openSubjectVote, subjectVoteBody } from '../decisions/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { authorizeCouncil } from './depot-access.ts';
import { councilIdParams } from './depots.schema.ts';
import { findItem } from './items.store.ts';
import { proposeRationRule } from './propose-ration-rule.ts';
import { RATION_RULE_SUBJECT } from './ration-rule-subject.ts';
import {
  limitsParams,
  limitsView,
  proposeRationRuleBody,
  rationLimitsBody,
  rationRulesQuery,
  rationRuleView,
} from './ration-rules.schema.ts';
import {
  findRationRule,
  limitsAbove,
  listRationRules,
  ownLimits,
  type RationRuleRow,
} from './ration-rules.store.ts';
import { setRationLimits } from './set-ration-limits.ts';
import { supplyError } from './supply-errors.ts';

export const rationRuleOut = (r: RationRuleRow) => ({
  id: r.id,
  councilId: r.council_id,
  itemId: r.item_id,
  version: r.version,
  rule: {
    perPersonMilli: r.rule.perPersonMilli,
    weightsPermille: r.rule.weightsPermille,
    priorityClasses: r.rule.priorityClasses.map((c) => [...c]),
    ...(r.rule.capPerHouseholdMilli === undefined
      ? {}
      : { capPerHouseholdMilli: r.rule.capPerHouseholdMilli }),
  },
  note: r.note,
  status: r.status,
  proposedAt: r.proposed_at,
  pollId: r.poll_id,
  decidedAt: r.decided_at,
  decisionSummary: r.decision_summary,
});

const limitsOut = (l: ParentLimits) => ({
  ...(l.maxPerPersonMilli === undefined ? {} : { maxPerPersonMilli: l.maxPerPersonMilli }),
  ...(l.maxCapPerHouseholdMilli === undefined ? {} : { maxCapPerHouseholdMilli: l.maxCapPerHouseholdMilli }),
  ...(l.servedFirstFlags === undefined ? {} : { servedFirstFlags: [...l.servedFirstFlags] }),
});

export const rationRulesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/ration-rules',
    {
      schema: {
        tags: ['supply'],
        description: "The council's ration rules, every version, newest first (members and officers).",
        params: councilIdParams,
        querystring: rationRulesQuery,
        response: { 200: z.object({ rules: z.array(rationRuleView) }) },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-stock',
      );
      return {
        rules: (await listRationRules(db(), council.id, request.query.itemId ?? null)).map(rationRuleOut),
      };
    },
  );

  app.post(
    '/councils/:id/ration-rules',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: proposeRationRuleBody,
        response: { 201: rationRuleView },
      },
    },
    async (request, reply) => {
      const rule = await proposeRationRule(db(), requireViewer(request), request.params.id, request.body);
      return reply.status(201).send(rationRuleOut(rule));
    },
  );

  app.post(
    '/ration-rules/:id/poll',
    {
      schema: {
        tags: ['supply'],
        description:
          'Puts a proposed rule to the vote of its council: a yes-no poll whose outcome adopts it.',
        params: councilIdParams,
        body: subjectVoteBody,
        response: { 201: z.object({ pollId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const rule = await findRationRule(db(), request.params.id);
      if (!rule) throw supplyError('ration-rule-not-found', 'id');
      const item = await findItem(db(), rule.item_id);
      const pollId = await openSubjectVote(
        db(),
        requireViewer(request),
        rule.council_id,
        {
          kind: RATION_RULE_SUBJECT,
          id: rule.id,
          title: `${item?.name ?? ''} — v${rule.version}`,
          body: rule.note,
        },
        request.body,
      );
      return reply.status(201).send({ pollId });
    },
  );

  app.get(
    '/councils/:id/ration-limits/:itemId',
    { schema: { tags: ['supply'], params: limitsParams, response: { 200: limitsView } } },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'read-limits',
      );
      const own = await ownLimits(db(), council.id, request.params.itemId);
      const above = await limitsAbove(db(), council.id, request.params.itemId);
      return {
        own: own ? limitsOut(own.limits) : null,
        above: above.map((a) => ({
          councilId: a.council_id,
          councilName: a.council_name,
          limits: limitsOut(a.limits),
        })),
      };
    },
  );

  app.put(
    '/councils/:id/ration-limits/:itemId',
    {
      schema: { tags: ['supply'], params: limitsParams, body: rationLimitsBody, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await setRationLimits(
        db(),
        requireViewer(request),
        request.params.id,
        request.params.itemId,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
};
