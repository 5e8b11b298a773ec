// HTTP routes of petitions for a sitting: open one (the opener signs first), sign, list a council's
// petitions with their progress (the count is public, the signers are not), set the council's share.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayDecide } from '../../core/decisions/index.ts';
import { federationError, findCouncil, loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import {
  type AssemblyPetitionRow,
  assemblyPetitionsOf,
  findAssemblyPetition,
  hasSignedPetition,
  petitionSharePercent,
} from './assembly-petitions.store.ts';
import { assemblyPetitionBody, idParams } from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { openAssemblyPetition } from './open-assembly-petition.ts';
import { setPetitionShare } from './set-petition-share.ts';
import { signAssemblyPetition } from './sign-assembly-petition.ts';

const petitionView = z.object({
  id: z.uuid(),
  councilId: z.uuid(),
  title: z.string(),
  reason: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  agenda: z.array(z.object({ title: z.string(), notes: z.string().nullable() })),
  openedAt: z.string(),
  membersAtOpening: z.int(),
  sharePercent: z.int(),
  signaturesNeeded: z.int(),
  signatureCount: z.int(),
  status: z.enum(['open', 'convened']),
  assemblyId: z.uuid().nullable(),
  viewerHasSigned: z.boolean(),
});

async function viewOf(
  db: Db,
  p: AssemblyPetitionRow,
  viewer: Viewer | null,
): Promise<z.infer<typeof petitionView>> {
  return {
    id: p.id,
    councilId: p.council_id,
    title: p.title,
    reason: p.reason,
    startsAt: p.starts_at,
    place: p.place,
    onlineUrl: p.online_url,
    agenda: p.agenda,
    openedAt: p.opened_at,
    membersAtOpening: p.members_at_opening,
    sharePercent: p.share_percent,
    signaturesNeeded: p.signatures_needed,
    signatureCount: p.signature_count,
    status: p.status,
    assemblyId: p.assembly_id,
    viewerHasSigned: viewer ? await hasSignedPetition(db, p.id, viewer.personId) : false,
  };
}

export const assemblyPetitionsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  const readable = async (councilId: string, viewer: Viewer | null) => {
    const council = await findCouncil(db(), councilId);
    if (!council) throw federationError('council-not-found');
    if (!mayDecide('read-assembly', await loadViewerFacts(db(), viewer, council)))
      throw decisionError('not-permitted');
    return council;
  };

  app.post(
    '/councils/:id/assembly-petitions',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Members call for a sitting: the petition convenes it when it reaches the council's share of signatures.",
        params: idParams,
        body: assemblyPetitionBody,
        response: { 201: petitionView },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await openAssemblyPetition(db(), viewer, request.params.id, request.body);
      return reply.status(201).send(await viewOf(db(), (await findAssemblyPetition(db(), id))!, viewer));
    },
  );

  app.get(
    '/councils/:id/assembly-petitions',
    {
      schema: {
        tags: ['decisions'],
        params: idParams,
        response: { 200: z.object({ sharePercent: z.int(), petitions: z.array(petitionView) }) },
      },
    },
    async (request) => {
      const council = await readable(request.params.id, request.viewer);
      const rows = await assemblyPetitionsOf(db(), council.id);
      return {
        sharePercent: await petitionSharePercent(db(), council.id),
        petitions: await Promise.all(rows.map((p) => viewOf(db(), p, request.viewer))),
      };
    },
  );

  app.post(
    '/assembly-petitions/:id/signatures',
    { schema: { tags: ['decisions'], params: idParams, response: { 201: petitionView } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const petition = await signAssemblyPetition(db(), viewer, request.params.id);
      return reply.status(201).send(await viewOf(db(), petition, viewer));
    },
  );

  app.put(
    '/councils/:id/assembly-petition-share',
    {
      schema: {
        tags: ['decisions'],
        description:
          "Sets the share of members (percent) whose signatures convene a sitting (the council's officers).",
        params: idParams,
        body: z.strictObject({ sharePercent: z.int().min(1).max(100) }),
        response: { 200: z.object({ sharePercent: z.int() }) },
      },
    },
    async (request) => {
      await setPetitionShare(db(), requireViewer(request), request.params.id, request.body.sharePercent);
      return { sharePercent: await petitionSharePercent(db(), request.params.id) };
    },
  );
};
