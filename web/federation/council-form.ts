// The form that creates a council: the choices it offers, the checks made before sending (the server
// checks again), and the request body it sends. Problems are locale keys per field name.
import type { CouncilKind, NewCouncil } from '../app/api-types.ts';

/** Base kinds first, in the order people name them; a federation last. */
export const KIND_CHOICES: readonly CouncilKind[] = [
  'neighbourhood',
  'village',
  'factory',
  'mine',
  'office',
  'union',
  'federation',
];
export const LEVEL_CHOICES = ['local', 'regional', 'national', 'other'] as const;
export type LevelChoice = (typeof LEVEL_CHOICES)[number];

export const ANSWER_DAYS = { min: 1, max: 90, usual: 7 } as const;
const TEXT_MAX = 200;
const LEVEL_MAX = 40;

export interface CouncilFormValues {
  name: string;
  kind: CouncilKind | '';
  level: LevelChoice | '';
  /** The level's own name when `level` is 'other' (e.g. "provincial"). */
  otherLevel: string;
  territory: string;
  sector: string;
  answerDays: string;
}

export const EMPTY_COUNCIL_FORM: CouncilFormValues = {
  name: '',
  kind: '',
  level: '',
  otherLevel: '',
  territory: '',
  sector: '',
  answerDays: String(ANSWER_DAYS.usual),
};

function answerDaysOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= ANSWER_DAYS.min && days <= ANSWER_DAYS.max ? days : null;
}

export function checkCouncilForm(values: CouncilFormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = values.name.trim();
  if (name === '') problems.name = 'councilForm.nameRequired';
  else if (name.length > TEXT_MAX) problems.name = 'councilForm.tooLong';
  if (values.kind === '') problems.kind = 'councilForm.kindRequired';
  if (values.kind === 'federation') {
    if (values.level === '') problems.level = 'councilForm.levelRequired';
    else if (values.level === 'other') {
      const other = values.otherLevel.trim();
      if (other === '') problems.level = 'councilForm.otherLevelRequired';
      else if (other.length > LEVEL_MAX) problems.level = 'councilForm.levelTooLong';
    }
  }
  const territory = values.territory.trim();
  if (territory === '') problems.territory = 'councilForm.territoryRequired';
  else if (territory.length > TEXT_MAX) problems.territory = 'councilForm.tooLong';
  if (values.sector.trim().length > TEXT_MAX) problems.sector = 'councilForm.tooLong';
  if (answerDaysOf(values.answerDays) === null) problems.answerDays = 'councilForm.answerDaysRange';
  return problems;
}

/** The POST /councils body for checked values; a level only for a federation, no empty optionals. */
export function newCouncilBody(values: CouncilFormValues, parentId: string | null): NewCouncil {
  if (values.kind === '') throw new Error('newCouncilBody needs checked values');
  const body: NewCouncil = {
    name: values.name.trim(),
    kind: values.kind,
    territory: values.territory.trim(),
    answerDays: answerDaysOf(values.answerDays) ?? ANSWER_DAYS.usual,
  };
  if (values.kind === 'federation' && values.level !== '') {
    body.level = values.level === 'other' ? values.otherLevel.trim() : values.level;
  }
  const sector = values.sector.trim();
  if (sector) body.sector = sector;
  if (parentId) body.parentId = parentId;
  return body;
}
