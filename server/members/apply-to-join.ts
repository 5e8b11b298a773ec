// The public Join form: anyone may apply to a live base council. The application gets a reference the
// applicant keeps and a due date from the council's answer time. Contact details go only into the
// application (read by the council's officers), never into the ledger.
import { randomBytes } from 'node:crypto';
import { applicationReference, dueDate } from '../../core/members/index.ts';
import { findCouncil } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import { type ApplicationRow, insertApplication } from './join-applications.store.ts';
import { membersError } from './members-errors.ts';

export interface JoinInput {
  councilId: string;
  fullName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  homePlace?: string | null | undefined;
  workPlace?: string | null | undefined;
  message?: string | null | undefined;
  locale: string;
}

export async function applyToJoin(
  db: Db,
  input: JoinInput,
): Promise<{ application: ApplicationRow; councilName: string }> {
  if (!input.email && !input.phone) throw membersError('contact-required', 'email');
  return db.transaction().execute(async (tx) => {
    const council = await findCouncil(tx, input.councilId);
    if (!council) throw membersError('council-not-open', 'councilId');
    if (council.dissolved_at || council.kind === 'federation')
      throw membersError('council-not-open', 'councilId');
    const receivedAt = new Date();
    const application = await insertApplication(tx, {
      reference: applicationReference(randomBytes(8)),
      councilId: council.id,
      fullName: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      homePlace: input.homePlace ?? null,
      workPlace: input.workPlace ?? null,
      message: input.message ?? null,
      locale: input.locale,
      dueAt: dueDate(receivedAt, council.answer_days),
      receivedAt,
    });
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'join-application.received',
        actorPersonId: null,
        payload: {
          applicationId: application.id,
          reference: application.reference,
          dueAt: application.due_at,
        },
      },
      receivedAt,
    );
    return { application, councilName: council.name };
  });
}
