// HTTP routes of assemblies: convene a sitting, list a council's sittings, read one (agenda, quorum live,
// who is present, its polls, what the viewer may do), open and close it, check in and out.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayDecide } from '../../core/decisions/index.ts';
import { databaseInstant, federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  type AssemblyRow,
  activeMandatesOf,
  agendaOf,
  assembliesOfCouncil,
  findAssembly,
  quorumRuleOf,
} from './assemblies.store.ts';
import { assemblyCalendar } from './assembly-calendar.ts';
import { assemblyQuorum } from './assembly-quorum.ts';
import { checkIn, checkOut } from './check-in.ts';
import { closeAssembly } from './close-assembly.ts';
import { conveneAssembly } from './convene-assembly.ts';
import {
  assemblySummaryView,
  assemblyView,
  attendanceBody,
  checkOutBody,
  conveneBody,
  idParams,
  quorumView,
} from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { registerDecisionTopics } from './event-topics.ts';
import { pollsOfAssembly } from './polls.store.ts';
import { startAssembly } from './start-assembly.ts';

const summary = (a: AssemblyRow) => ({
  id: a.id,
  councilId: a.council_id,
  title: a.title,
  startsAt: a.starts_at,
  isExtraordinary: a.is_extraordinary,
  place: a.place,
  onlineUrl: a.online_url,
  status: a.status,
});

async function assemblyViewOf(
  db: Db,
  id: string,
  viewer: Viewer | null,
): Promise<z.infer<typeof assemblyView>> {
  const assembly = await findAssembly(db, id);
  if (!assembly) throw decisionError('assembly-not-found');
  const council = await findCouncil(db, assembly.council_id);
  if (!council) throw decisionError('assembly-not-found');
  const facts = await loadViewerFacts(db, viewer, council);
  if (!mayDecide('read-assembly', facts)) throw decisionError('not-permitted');
  const quorum = await assemblyQuorum(db, assembly, council, await databaseInstant(db));
  const polls = await pollsOfAssembly(db, assembly.id);
  return {
    ...summary(assembly),
    councilName: council.name,
    councilKind: council.kind,
    convenedAt: assembly.convened_at,
    openedAt: assembly.opened_at,
    closedAt: assembly.closed_at,
    quorumRule: quorumRuleOf(assembly),
    agenda: await agendaOf(db, assembly.id),
    quorum: {
      presentMillis: quorum.presentMillis,
      entitledMillis: quorum.entitledMillis,
      neededMillis: quorum.neededMillis,
      isQuorate: quorum.isQuorate,
    },
    present: quorum.present.map((p) => ({
      personId: p.person_id,
      name: p.full_name,
      mandateId: p.mandate_id,
      weightMillis: p.weight_millis,
    })),
    polls: polls.map((p) => ({
      id: p.id,
      title: p.title,
      kind: p.kind,
      status: p.status,
      outcome: p.outcome,
      secrecy: p.secrecy,
    })),
    viewer: {
      mayChair: mayDecide('chair-assembly', facts),
      isPresent: viewer !== null && quorum.present.some((p) => p.person_id === viewer.personId),
      mandates:
        viewer && council.kind === 'federation'
          ? await activeMandatesOf(db, council.id, viewer.personId)
          : [],
      isMember: facts.isMember,
    },
  };
}

export const assembliesRoutes: FastifyPluginAsync = async (fastify) => {
  registerDecisionTopics();
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.post(
    '/councils/:id/assemblies',
    {
      schema: {
        tags: ['decisions'],
        description: 'Convenes a sitting of the council (its secretary or chair).',
        params: idParams,
        body: conveneBody,
        response: { 201: assemblyView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await conveneAssembly(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await assemblyViewOf(db(), id, viewer));
    },
  );

  app.get(
    '/councils/:id/assemblies',
    {
      schema: {
        tags: ['decisions'],
        params: idParams,
        response: { 200: z.object({ assemblies: z.array(assemblySummaryView) }) },
      },
    },
    async (request) => {
      const council = await findCouncil(db(), request.params.id);
      if (!council) throw federationError('council-not-found');
      if (!mayDecide('read-assembly', await loadViewerFacts(db(), request.viewer, council)))
        throw decisionError('not-permitted');
      return { assemblies: (await assembliesOfCouncil(db(), council.id)).map(summary) };
    },
  );

  app.get(
    '/assemblies/:id',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: assemblyView } } },
    async (request) => assemblyViewOf(db(), request.params.id, request.viewer),
  );

  app.get(
    '/assemblies/:id/calendar.ics',
    {
      schema: {
        tags: ['decisions'],
        description: 'The iCalendar invitation to the sitting (text/calendar).',
        params: idParams,
      },
    },
    async (request, reply) => {
      const assembly = await findAssembly(db(), request.params.id);
      if (!assembly) throw decisionError('assembly-not-found');
      const council = await findCouncil(db(), assembly.council_id);
      if (!council || !mayDecide('read-assembly', await loadViewerFacts(db(), request.viewer, council)))
        throw decisionError('not-permitted');
      const origin = `${request.protocol}://${request.host}`;
      const text = assemblyCalendar(
        assembly,
        council.name,
        await agendaOf(db(), assembly.id),
        `${origin}/assemblies/${assembly.id}`,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="assembly-${assembly.id}.ics"`)
        .send(text);
    },
  );

  app.post(
    '/assemblies/:id/start',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: assemblyView } } },
    async (request) => {
      const viewer = requireViewer(request);
      await startAssembly(db(), viewer, request.params.id);
      return assemblyViewOf(db(), request.params.id, viewer);
    },
  );

  app.post(
    '/assemblies/:id/close',
    { schema: { tags: ['decisions'], params: idParams, response: { 200: assemblyView } } },
    async (request) => {
      const viewer = requireViewer(request);
      await closeAssembly(db(), viewer, request.params.id);
      return assemblyViewOf(db(), request.params.id, viewer);
    },
  );

  app.post(
    '/assemblies/:id/check-in',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Checks the viewer in (or, for the chair, another member); delegates give the mandate they sit on.',
        params: idParams,
        body: attendanceBody,
        response: { 200: quorumView },
      },
    },
    async (request) => {
      const q = await checkIn(db(), requireViewer(request), request.params.id, request.body);
      return {
        presentMillis: q.presentMillis,
        entitledMillis: q.entitledMillis,
        neededMillis: q.neededMillis,
        isQuorate: q.isQuorate,
      };
    },
  );

  app.post(
    '/assemblies/:id/check-out',
    {
      schema: {
        tags: ['decisions'],
        params: idParams,
        body: checkOutBody,
        response: { 200: quorumView },
      },
    },
    async (request) => {
      const q = await checkOut(db(), requireViewer(request), request.params.id, request.body);
      return {
        presentMillis: q.presentMillis,
        entitledMillis: q.entitledMillis,
        neededMillis: q.neededMillis,
        isQuorate: q.isQuorate,
      };
    },
  );
};
