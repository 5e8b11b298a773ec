// Request and response schemas of a sitting's speakers list; they are also the OpenAPI document.
import { z } from 'zod';
import {
  MAX_SPEAKING_SECONDS,
  MIN_SPEAKING_SECONDS,
  SPEAKER_KINDS,
  SPEAKER_SIDES,
} from '../../core/decisions/index.ts';

const where = {
  /** Federated councils: the mandate the delegate sits on (omitted when they sit on one only). */
  mandateId: z.uuid().optional(),
  agendaItemId: z.uuid().optional(),
};

export const speakRequestBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('speak'),
    side: z.enum(SPEAKER_SIDES).nullable().default(null),
    ...where,
  }),
  // A point of order is about procedure: it takes no side.
  z.strictObject({ kind: z.literal('point-of-order'), ...where }),
]);

export const callNextBody = z.strictObject({
  /** Who the chair saw speaking (null: nobody); a press that no longer matches is refused. */
  currentRequestId: z.uuid().nullable(),
});

export const endSpeechBody = z.strictObject({ requestId: z.uuid() });

export const speakingTimeBody = z.strictObject({
  seconds: z.int().min(MIN_SPEAKING_SECONDS).max(MAX_SPEAKING_SECONDS),
  alternatesSides: z.boolean().optional(),
});

const speaker = {
  requestId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  mandateId: z.uuid().nullable(),
  kind: z.enum(SPEAKER_KINDS),
  side: z.enum(SPEAKER_SIDES).nullable(),
  agendaItemId: z.uuid().nullable(),
};

export const speakersView = z.object({
  assemblyId: z.uuid(),
  /** The database clock when read: the client's countdown runs from here, whatever its own clock says. */
  now: z.string(),
  timeLimitSeconds: z.int(),
  alternatesSides: z.boolean(),
  current: z.object({ ...speaker, startedAt: z.string(), timeLimitSeconds: z.int() }).nullable(),
  /** Waiting requests in the order they get the floor. */
  queue: z.array(z.object({ ...speaker, requestedAt: z.string() })),
  mine: z
    .object({
      requestId: z.uuid(),
      kind: z.enum(SPEAKER_KINDS),
      side: z.enum(SPEAKER_SIDES).nullable(),
      status: z.enum(['waiting', 'speaking']),
      /** 1-based place in the queue while waiting. */
      position: z.int().nullable(),
    })
    .nullable(),
  viewer: z.object({ mayModerate: z.boolean() }),
});
export type SpeakersView = z.infer<typeof speakersView>;
