// HTTP routes of a sitting's minutes: read them (JSON), generate, edit, put to a later sitting's vote,
// and download them as Markdown or PDF. Reading follows the sitting ('read-assembly'); writing is for its
// council's secretary or chair ('write-minutes').
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { mayDecide, minutesInstant } from '../../core/decisions/index.ts';
import { loadViewerFacts } from '../federation/index.ts';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { idParams } from './decisions.schema.ts';
import { decisionError } from './decisions-errors.ts';
import { editMinutes } from './edit-minutes.ts';
import { generateAssemblyMinutes } from './generate-minutes.ts';
import {
  editMinutesBody,
  generateMinutesBody,
  minutesApprovalBody,
  minutesApprovalView,
  minutesView,
} from './minutes.schema.ts';
import { findMinutes, type MinutesRow, openApprovalPoll } from './minutes.store.ts';
import { sittingFor } from './minutes-access.ts';
import { renderMinutesPdf } from './minutes-pdf.ts';
import { proposeMinutesApproval } from './propose-minutes-approval.ts';

async function minutesViewOf(
  db: Db,
  assemblyId: string,
  viewer: Viewer | null,
): Promise<z.infer<typeof minutesView>> {
  const { assembly, council } = await sittingFor(db, viewer, assemblyId, 'read-assembly');
  const minutes = await findMinutes(db, assembly.id);
  return {
    assemblyId: assembly.id,
    assemblyTitle: assembly.title,
    assemblyStatus: assembly.status,
    councilId: council.id,
    councilName: council.name,
    mayWrite: mayDecide('write-minutes', await loadViewerFacts(db, viewer, council)),
    minutes: minutes
      ? {
          status: minutes.status,
          language: minutes.language,
          markdown: minutes.markdown,
          generatedMarkdown: minutes.generated_markdown,
          isEdited: minutes.markdown !== minutes.generated_markdown,
          generatedAt: minutes.generated_at,
          editedAt: minutes.edited_at,
          approvedAt: minutes.approved_at,
          approvedByPollId: minutes.approved_by_poll_id,
          documentDigest: minutes.document_digest,
          pendingApprovalPollId: (await openApprovalPoll(db, minutes.id)) ?? null,
        }
      : null,
  };
}

async function readableMinutes(db: Db, assemblyId: string, viewer: Viewer | null) {
  const sitting = await sittingFor(db, viewer, assemblyId, 'read-assembly');
  const minutes = await findMinutes(db, sitting.assembly.id);
  if (!minutes) throw decisionError('minutes-not-found');
  return { ...sitting, minutes };
}

function statusLine(minutes: MinutesRow): { approvalLine: string | null; draftLine: string | null } {
  if (minutes.status === 'approved' && minutes.approved_at && minutes.document_digest) {
    const when = minutesInstant(minutes.approved_at);
    return {
      approvalLine:
        minutes.language === 'es'
          ? `Aprobada el ${when} — sha256 ${minutes.document_digest}`
          : `Approved on ${when} — sha256 ${minutes.document_digest}`,
      draftLine: null,
    };
  }
  return {
    approvalLine: null,
    draftLine: minutes.language === 'es' ? 'Borrador, pendiente de aprobación' : 'Draft, not yet approved',
  };
}

export const minutesRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/assemblies/:id/minutes',
    {
      schema: {
        tags: ['decisions'],
        description: 'The minutes of a sitting (null until generated), with what the viewer may do.',
        params: idParams,
        response: { 200: minutesView },
      },
    },
    async (request) => minutesViewOf(db(), request.params.id, request.viewer),
  );

  app.post(
    '/assemblies/:id/minutes',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Generates the minutes of a closed sitting from its records (secretary or chair); again while a draft refreshes the generated text, and the text too if nobody edited it.',
        params: idParams,
        body: generateMinutesBody.nullish(),
        response: { 200: minutesView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await generateAssemblyMinutes(db(), viewer, request.params.id, { language: request.body?.language });
      return minutesViewOf(db(), request.params.id, viewer);
    },
  );

  app.put(
    '/assemblies/:id/minutes',
    {
      schema: {
        tags: ['decisions'],
        description: 'Replaces the text of draft minutes (secretary or chair).',
        params: idParams,
        body: editMinutesBody,
        response: { 200: minutesView },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await editMinutes(db(), viewer, request.params.id, request.body);
      return minutesViewOf(db(), request.params.id, viewer);
    },
  );

  app.post(
    '/assemblies/:id/minutes/approval',
    {
      schema: {
        tags: ['decisions'],
        description:
          'Opens the vote on approving the minutes in a later sitting of the same council (it must be in session with quorum).',
        params: idParams,
        body: minutesApprovalBody,
        response: { 201: minutesApprovalView },
      },
    },
    async (request, reply) => {
      const pollId = await proposeMinutesApproval(
        db(),
        requireViewer(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send({ pollId });
    },
  );

  app.get(
    '/assemblies/:id/minutes.md',
    {
      schema: {
        tags: ['decisions'],
        description: 'The minutes as Markdown (text/markdown).',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { minutes } = await readableMinutes(db(), request.params.id, request.viewer);
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="minutes-${minutes.assembly_id}.md"`)
        .send(minutes.markdown);
    },
  );

  app.get(
    '/assemblies/:id/minutes.pdf',
    {
      schema: { tags: ['decisions'], description: 'The minutes as PDF (application/pdf).', params: idParams },
    },
    async (request, reply) => {
      const { minutes, council, assembly } = await readableMinutes(db(), request.params.id, request.viewer);
      const pdf = await renderMinutesPdf(
        minutes.markdown,
        { councilName: council.name, ...statusLine(minutes) },
        assembly.title,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="minutes-${minutes.assembly_id}.pdf"`)
        .send(pdf);
    },
  );
};
