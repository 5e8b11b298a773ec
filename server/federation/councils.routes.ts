// HTTP routes of councils and the federation tree, offices, and a council's ledger.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type CouncilKind, can } from '../../core/federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import { importError, importRejected, importRowVerdict } from '../platform/csv-records.ts';
import { verifyLedger } from '../platform/ledger.ts';
import { assignOffice } from './assign-office.ts';
import {
  assignOfficeBody,
  councilDetail,
  councilIdParams,
  councilSummary,
  createCouncilBody,
  dissolveCouncilBody,
  ledgerEntryView,
  ledgerQuery,
  moveCouncilBody,
  officeParams,
  searchQuery,
  treeNode,
  treeQuery,
} from './councils.schema.ts';
import {
  activeOffices,
  ancestorsOf,
  type CouncilRow,
  childrenWithRollUps,
  findCouncil,
  type RolledUpRow,
  rollUp,
  searchCouncils,
  treeWithRollUps,
} from './councils.store.ts';
import { createCouncil } from './create-council.ts';
import { dissolveCouncil } from './dissolve-council.ts';
import { endOfficeHolding } from './end-office.ts';
import { federationError } from './federation-errors.ts';
import { importCouncils } from './import-councils.ts';
import { moveCouncil } from './move-council.ts';
import { loadViewerFacts } from './viewer-facts.ts';

const councilImportReport = z.object({
  imported: z.int(),
  rejected: z.int(),
  ids: z.record(z.string(), z.uuid()),
  rows: z.array(importRowVerdict),
});

const summary = (c: CouncilRow) => ({
  id: c.id,
  name: c.name,
  kind: c.kind as CouncilKind,
  level: c.level,
  territory: c.territory,
  sector: c.sector,
});

const node = (c: RolledUpRow) => ({
  ...summary(c),
  parentId: c.parent_id,
  depth: c.depth,
  childCount: c.child_count,
  councils: c.councils,
  members: c.members,
});

export const councilsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/federation/tree',
    {
      schema: {
        tags: ['federation'],
        querystring: treeQuery,
        response: { 200: z.object({ nodes: z.array(treeNode) }) },
      },
    },
    async (request) => {
      let root: CouncilRow | null = null;
      if (request.query.root) {
        root = (await findCouncil(db(), request.query.root)) ?? null;
        if (!root) throw federationError('council-not-found', 'root');
      }
      return { nodes: (await treeWithRollUps(db(), root, request.query.depth)).map(node) };
    },
  );

  app.get(
    '/councils',
    {
      schema: {
        tags: ['federation'],
        querystring: searchQuery,
        response: {
          200: z.object({ councils: z.array(councilSummary.extend({ parentName: z.string().nullable() })) }),
        },
      },
    },
    async (request) => {
      const rows = await searchCouncils(
        db(),
        request.query.q,
        request.query.limit,
        request.query.base === '1',
      );
      return { councils: rows.map((r) => ({ ...summary(r), parentName: r.parent_name })) };
    },
  );

  app.post(
    '/councils',
    { schema: { tags: ['federation'], body: createCouncilBody, response: { 201: councilSummary } } },
    async (request, reply) => {
      const council = await createCouncil(db(), requireViewer(request), request.body);
      return reply.status(201).send(summary(council));
    },
  );

  app.post(
    '/councils/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['federation'],
        description:
          'CSV with columns key, name, kind, level, territory, sector, parent_key, answer_days (text/csv body). ' +
          'Rows without parent_key go under parentId (or to the top, for the administrator).',
        querystring: z.strictObject({ parentId: z.uuid().optional() }),
        body: z.string().max(20 * 1024 * 1024),
        response: { 200: councilImportReport, 422: councilImportReport.extend({ error: importError }) },
      },
    },
    async (request, reply) => {
      const report = await importCouncils(
        db(),
        requireViewer(request),
        request.body,
        request.query.parentId ?? null,
      );
      if (report.rejected === 0) return reply.send(report);
      return reply.status(422).send({ ...report, error: importRejected(report.rejected, report.rows) });
    },
  );

  app.get(
    '/councils/:id',
    { schema: { tags: ['federation'], params: councilIdParams, response: { 200: councilDetail } } },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      const [facts, parent, ancestors, children, offices, totals] = await Promise.all([
        loadViewerFacts(db(), request.viewer, council),
        council.parent_id ? findCouncil(db(), council.parent_id) : undefined,
        ancestorsOf(db(), council),
        childrenWithRollUps(db(), council.id),
        activeOffices(db(), council.id),
        rollUp(db(), council.path),
      ]);
      return {
        ...summary(council),
        answerDays: council.answer_days,
        dissolvedAt: council.dissolved_at ? new Date(council.dissolved_at).toISOString() : null,
        parent: parent ? { id: parent.id, name: parent.name } : null,
        ancestors,
        children: children.map((c) => ({ ...summary(c), councils: c.councils, members: c.members })),
        offices: offices.map((o) => ({
          id: o.id,
          office: o.office,
          person: { id: o.person_id, fullName: o.full_name },
        })),
        councils: totals.councils,
        members: totals.members,
        directMembers: council.direct_members,
        viewer: {
          isMember: facts.isMember,
          isOfficer: facts.officesHere.length > 0,
          canDecideApplications: can('decide-applications', facts),
          canSeeLedger: can('read-ledger', facts),
          canManage: can('create-child', facts) && council.kind === 'federation' && !council.dissolved_at,
          canSeeMembers: can('read-contacts', facts),
          canAssignOffices: can('assign-office', facts) && !council.dissolved_at,
          canMoveOrDissolve: can('move', facts) && !council.dissolved_at,
          canApportion:
            can('apportion-seats', facts) && council.kind === 'federation' && !council.dissolved_at,
        },
      };
    },
  );

  app.put(
    '/councils/:id/parent',
    { schema: { tags: ['federation'], params: councilIdParams, body: moveCouncilBody } },
    async (request, reply) => {
      await moveCouncil(db(), requireViewer(request), request.params.id, request.body.parentId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/councils/:id/dissolution',
    { schema: { tags: ['federation'], params: councilIdParams, body: dissolveCouncilBody } },
    async (request, reply) => {
      await dissolveCouncil(db(), requireViewer(request), request.params.id, request.body.reason);
      return reply.status(204).send();
    },
  );

  app.post(
    '/councils/:id/offices',
    {
      schema: {
        tags: ['federation'],
        params: councilIdParams,
        body: assignOfficeBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await assignOffice(
        db(),
        requireViewer(request),
        request.params.id,
        request.body.personId,
        request.body.office,
      );
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/councils/:id/offices/:officeId',
    { schema: { tags: ['federation'], params: officeParams } },
    async (request, reply) => {
      await endOfficeHolding(db(), requireViewer(request), request.params.id, request.params.officeId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/councils/:id/ledger',
    {
      schema: {
        tags: ['federation'],
        params: councilIdParams,
        querystring: ledgerQuery,
        response: { 200: z.object({ entries: z.array(ledgerEntryView), verified: z.boolean() }) },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      if (!can('read-ledger', await loadViewerFacts(db(), requireViewer(request), council))) {
        throw federationError('not-permitted');
      }
      const before = request.query.before ?? 2_147_483_647;
      const { rows } = await sql<{
        seq: number;
        kind: string;
        actor_person_id: string | null;
        actor_name: string | null;
        recorded_at: Date;
        payload: unknown;
        payload_digest: string;
        hash: string;
        prev_hash: string;
      }>`select e.seq, e.kind, e.actor_person_id, p.full_name as actor_name, e.recorded_at, e.payload, e.payload_digest,
                e.hash, e.prev_hash
           from ledger_entries e left join persons p on p.id = e.actor_person_id
          where e.chain_id = ${council.id} and e.seq < ${before}
          order by e.seq desc limit ${request.query.limit}`.execute(db());
      const [verdict] = await verifyLedger(db(), council.id);
      return {
        entries: rows.map((r) => ({
          seq: r.seq,
          kind: r.kind,
          actor: r.actor_person_id ? { id: r.actor_person_id, fullName: r.actor_name ?? '' } : null,
          recordedAt: new Date(r.recorded_at).toISOString(),
          payload: r.payload,
          payloadDigest: r.payload_digest,
          hash: r.hash,
          prevHash: r.prev_hash,
        })),
        verified: verdict?.firstBroken === null,
      };
    },
  );
};
