import { describe, expect, it } from 'vitest';
import { applicationLocale, pickLanguage } from './languages.ts';

const supported = ['es', 'en', 'qu'];

describe('choosing the starting language', () => {
  it('keeps the language the reader chose before', () => {
    expect(pickLanguage('en', ['es-BO'], supported)).toBe('en');
  });

  it('ignores a remembered language that is no longer offered', () => {
    expect(pickLanguage('fr', ['en-GB'], supported)).toBe('en');
  });

  it('takes the first browser language we have, matching a regional tag by its base', () => {
    expect(pickLanguage(null, ['de-DE', 'qu-BO', 'es'], supported)).toBe('qu');
    expect(pickLanguage(null, ['EN-us'], supported)).toBe('en');
  });

  it('falls back to Spanish', () => {
    expect(pickLanguage(null, ['de', 'fr'], supported)).toBe('es');
    expect(pickLanguage(null, [], supported)).toBe('es');
  });

  it('records Join applications in English only for English readers', () => {
    expect(applicationLocale('en')).toBe('en');
    expect(applicationLocale('qu')).toBe('es');
  });
});
