// Languages the interface is offered in. To add one, put `<code>.json` in web/locales/ and a line
// here (see web/locales/README.md); each name is written in its own language.
export interface Language {
  code: string;
  name: string;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'es', name: 'Español' },
  { code: 'en', name: 'English' },
];

export const DEFAULT_LANGUAGE = 'es';

export const LANGUAGE_STORAGE_KEY = 'cabildo.language';

/**
 * The language to start in: the one chosen before (remembered), else the first of the browser's
 * preferred languages we have (`es-BO` counts as `es`), else Spanish.
 */
export function pickLanguage(
  remembered: string | null,
  preferred: readonly string[],
  supported: readonly string[] = LANGUAGES.map((language) => language.code),
): string {
  if (remembered && supported.includes(remembered)) return remembered;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (supported.includes(lower)) return lower;
    const base = lower.split('-')[0] ?? '';
    if (supported.includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** Join applications record the applicant's language; the server knows es and en. */
export function applicationLocale(language: string): 'es' | 'en' {
  return language === 'en' ? 'en' : 'es';
}
