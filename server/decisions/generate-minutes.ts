// The secretary (or chair) generates the minutes of a closed sitting from its records. Generating again
// while they are a draft refreshes the generated text, and replaces the text itself only if nobody has
// edited it since (an edited draft keeps the secretary's words; the page shows both). Approved minutes,
// and minutes under an open approval vote, are frozen.
// Lock: the minutes row (after an insert that cannot collide: `on conflict do nothing`), so two
// generations, an edit and an approval take turns.
import { generateMinutes, type MinutesLanguage, minutesText } from '../../core/decisions/index.ts';
import { databaseInstant } from '../federation/index.ts';
import type { Db } from '../platform/database.ts';
import { appendLedgerEntry } from '../platform/ledger.ts';
import type { Viewer } from '../platform/sessions.ts';
import { decisionError } from './decisions-errors.ts';
import { insertMinutes, lockMinutes, openApprovalPoll, setGeneratedMinutes } from './minutes.store.ts';
import { minutesDigest, sittingFor } from './minutes-access.ts';
import { minutesFacts } from './minutes-facts.ts';

export async function generateAssemblyMinutes(
  db: Db,
  viewer: Viewer,
  assemblyId: string,
  input: { language?: MinutesLanguage | undefined },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { assembly, council } = await sittingFor(tx, viewer, assemblyId, 'write-minutes');
    if (assembly.status !== 'closed') throw decisionError('assembly-not-closed');
    let existing = await lockMinutes(tx, assembly.id);
    const language = input.language ?? existing?.language ?? 'es';
    const generated = generateMinutes(await minutesFacts(tx, assembly, council), minutesText(language));
    const at = await databaseInstant(tx);
    let minutesId: string | undefined;
    let isTextReplaced = true;
    if (!existing) {
      minutesId = await insertMinutes(tx, { assemblyId: assembly.id, language, markdown: generated, at });
      // A concurrent first generation committed in between: regenerate over theirs, under its lock.
      if (!minutesId) existing = await lockMinutes(tx, assembly.id);
    }
    if (existing) {
      if (existing.status === 'approved') throw decisionError('minutes-approved');
      if (await openApprovalPoll(tx, existing.id)) throw decisionError('minutes-approval-pending');
      isTextReplaced = existing.markdown === existing.generated_markdown;
      await setGeneratedMinutes(tx, existing.id, {
        language,
        generated,
        markdown: isTextReplaced ? generated : existing.markdown,
        at,
      });
      minutesId = existing.id;
    }
    await appendLedgerEntry(
      tx,
      {
        chainId: council.id,
        kind: 'minutes.generated',
        actorPersonId: viewer.personId,
        payload: {
          assemblyId: assembly.id,
          minutesId,
          language,
          generatedDigest: minutesDigest(generated),
          isTextReplaced,
        },
      },
      new Date(at),
    );
  });
}
