// Words of the decisions context: weights in votes, the rules of a poll in a sentence, and the error
// texts of the decisions API (locales `decisions.errors.<code>`, else the app's common texts).
import type { i18n as I18n, TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api-client.ts';
import type { Poll } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { ONE_VOTE_MILLIS } from './ballot-form.ts';

export function decisionErrorText(error: unknown, i18n: I18n): string {
  if (error instanceof ApiError) {
    const key = `decisions.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return errorText(error, i18n);
}

/** A weight in millis as "1 voto", "2,5 votos" in the reader's language. */
export function useVotes(): (millis: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (millis: number) => {
      const votes = millis / ONE_VOTE_MILLIS;
      return t('decisions.votes', { count: votes, formatted: format.number(votes) });
    },
    [t, format],
  );
}

/** The method and the rule of a poll in words: "Sí o no · mayoría simple de los votos sí y no · secreta". */
export function pollRuleText(
  t: TFunction,
  poll: Pick<Poll, 'method' | 'majority' | 'majorityBase' | 'seats' | 'maxMarks' | 'secrecy'>,
): string {
  const parts = [t(`decisions.method.${poll.method}`)];
  if (poll.method === 'yes-no') {
    parts.push(t(`decisions.majority.${poll.majority}`, { base: t(`decisions.base.${poll.majorityBase}`) }));
  } else {
    parts.push(t('decisions.seats', { count: poll.seats }));
    if (poll.method !== 'plurality') parts.push(t('decisions.maxMarks', { count: poll.maxMarks }));
  }
  parts.push(t(`decisions.secrecy.${poll.secrecy}`));
  return parts.join(' · ');
}
