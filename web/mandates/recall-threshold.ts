// The recall threshold form's pure part: the percent of the sending council's members whose signatures
// a recall petition needs, as typed. The default and the count of signatures are core's.
export {
  DEFAULT_RECALL_THRESHOLD_PERCENT,
  recallSignaturesNeeded,
} from '../../core/federation/recall-petitions.ts';

/** A percent as typed: a whole number from 1 to 100 ("25", " 25 ", "25 %"), else null. */
export function thresholdPercentFrom(typed: string): number | null {
  const text = typed.trim().replace(/\s*%$/, '');
  if (!/^\d{1,3}$/.test(text)) return null;
  const percent = Number(text);
  return percent >= 1 && percent <= 100 ? percent : null;
}
