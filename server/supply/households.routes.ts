// HTTP routes of a base council's household register (distribution officers only: personal data).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireViewer } from '../platform/authenticated.ts';
import type { Db } from '../platform/database.ts';
import type { Viewer } from '../platform/sessions.ts';
import { authorizeCouncil } from './depot-access.ts';
import { councilIdParams } from './depots.schema.ts';
import {
  changeHouseholdBody,
  householdListView,
  householdsQuery,
  householdView,
  registerHouseholdBody,
  withdrawHouseholdBody,
} from './households.schema.ts';
import { duplicatesElsewhere, findHousehold, type HouseholdRow, listHouseholds } from './households.store.ts';
import { registerHousehold } from './register-household.ts';
import { supplyError } from './supply-errors.ts';
import { changeHousehold } from './update-household.ts';
import { withdrawHousehold } from './withdraw-household.ts';

const householdOut = (h: HouseholdRow, possibleDuplicates: { councilId: string; councilName: string }[]) => ({
  id: h.id,
  councilId: h.council_id,
  headName: h.head_name,
  address: h.address,
  phone: h.phone,
  people: { infant: h.infants, child: h.children, adult: h.adults, elder: h.elders },
  size: h.infants + h.children + h.adults + h.elders,
  flags: h.flags,
  hasIdentityDocument: h.has_identity,
  status: h.status,
  registeredAt: h.registered_at,
  updatedAt: h.updated_at,
  withdrawnAt: h.withdrawn_at,
  withdrawalReason: h.withdrawal_reason,
  possibleDuplicates,
});

async function withDuplicates(db: Db, h: HouseholdRow) {
  return householdOut(h, (await duplicatesElsewhere(db, [h.id])).get(h.id) ?? []);
}

async function readable(db: Db, viewer: Viewer, id: string): Promise<HouseholdRow> {
  const household = await findHousehold(db, id);
  if (!household) throw supplyError('household-not-found', 'id');
  await authorizeCouncil(db, viewer, household.council_id, 'keep-households', 'id');
  return household;
}

export const householdsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => fastify.database.db;

  app.get(
    '/councils/:id/households',
    {
      schema: {
        tags: ['supply'],
        description: "The council's household register, by head of household (distribution officers only).",
        params: councilIdParams,
        querystring: householdsQuery,
        response: { 200: householdListView },
      },
    },
    async (request) => {
      const { council } = await authorizeCouncil(
        db(),
        requireViewer(request),
        request.params.id,
        'keep-households',
      );
      const q = request.query;
      const page = await listHouseholds(db(), council.id, {
        status: q.status,
        search: q.q ?? null,
        limit: q.limit,
        offset: q.offset,
      });
      const duplicates = await duplicatesElsewhere(
        db(),
        page.households.map((h) => h.id),
      );
      return {
        households: page.households.map((h) => householdOut(h, duplicates.get(h.id) ?? [])),
        total: page.total,
        limit: q.limit,
        offset: q.offset,
      };
    },
  );

  app.post(
    '/councils/:id/households',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: registerHouseholdBody,
        response: { 201: householdView },
      },
    },
    async (request, reply) => {
      const { household, possibleDuplicates } = await registerHousehold(
        db(),
        requireViewer(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(householdOut(household, possibleDuplicates));
    },
  );

  app.get(
    '/households/:id',
    { schema: { tags: ['supply'], params: councilIdParams, response: { 200: householdView } } },
    async (request) => withDuplicates(db(), await readable(db(), requireViewer(request), request.params.id)),
  );

  app.patch(
    '/households/:id',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: changeHouseholdBody,
        response: { 200: householdView },
      },
    },
    async (request) =>
      withDuplicates(
        db(),
        await changeHousehold(db(), requireViewer(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/households/:id/withdrawal',
    {
      schema: {
        tags: ['supply'],
        params: councilIdParams,
        body: withdrawHouseholdBody,
        response: { 200: householdView },
      },
    },
    async (request) =>
      withDuplicates(
        db(),
        await withdrawHousehold(db(), requireViewer(request), request.params.id, request.body.reason),
      ),
  );
};
