// Request and response schemas of the federation routes; they are also the OpenAPI document.
import { z } from 'zod';
import { COUNCIL_KINDS, OFFICES } from '../../core/federation/index.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const councilIdParams = z.strictObject({ id: z.uuid() });
export const officeParams = z.strictObject({ id: z.uuid(), officeId: z.uuid() });

export const createCouncilBody = z.strictObject({
  name: text(200),
  kind: z.enum(COUNCIL_KINDS),
  level: text(40).nullish(),
  territory: text(200),
  sector: text(200).nullish(),
  parentId: z.uuid().nullish(),
  answerDays: z.int().min(1).max(90).optional(),
});

export const moveCouncilBody = z.strictObject({ parentId: z.uuid().nullable() });
export const dissolveCouncilBody = z.strictObject({ reason: text(1000) });
export const assignOfficeBody = z.strictObject({ personId: z.uuid(), office: z.enum(OFFICES) });

export const treeQuery = z.strictObject({
  root: z.uuid().optional(),
  depth: z.coerce.number().int().min(0).max(3).default(1),
});

export const searchQuery = z.strictObject({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  base: z.enum(['0', '1']).optional(),
});

export const ledgerQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});

const kind = z.enum(COUNCIL_KINDS);
export const councilSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind,
  level: z.string().nullable(),
  territory: z.string(),
  sector: z.string().nullable(),
});

export const treeNode = councilSummary.extend({
  parentId: z.uuid().nullable(),
  depth: z.int(),
  childCount: z.int(),
  councils: z.int(),
  members: z.int(),
});

export const councilDetail = councilSummary.extend({
  answerDays: z.int(),
  dissolvedAt: z.string().nullable(),
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  children: z.array(
    councilSummary
      .pick({ id: true, name: true, kind: true, level: true })
      .extend({ councils: z.int(), members: z.int() }),
  ),
  offices: z.array(
    z.object({
      id: z.uuid(),
      office: z.enum(OFFICES),
      person: z.object({ id: z.uuid(), fullName: z.string() }),
    }),
  ),
  councils: z.int(),
  members: z.int(),
  directMembers: z.int(),
  viewer: z.object({
    isMember: z.boolean(),
    isOfficer: z.boolean(),
    canDecideApplications: z.boolean(),
    canSeeLedger: z.boolean(),
    canManage: z.boolean(),
    canSeeMembers: z.boolean(),
    canAssignOffices: z.boolean(),
    canMoveOrDissolve: z.boolean(),
    canApportion: z.boolean(),
  }),
});

export const ledgerEntryView = z.object({
  seq: z.int(),
  kind: z.string(),
  actor: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
  recordedAt: z.string(),
  payload: z.unknown(),
  payloadDigest: z.string(),
  hash: z.string(),
  prevHash: z.string(),
});
