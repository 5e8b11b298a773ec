// Every language file must offer exactly the texts of the Spanish reference file: the same keys,
// with the plural forms its own language needs, and the same {{placeholders}}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../app/languages.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const localesDir = new URL('.', import.meta.url);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${prefix || 'root'} must be a string or an object`);
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

function load(code: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(new URL(`${code}.json`, localesDir), 'utf8')));
}

/** Keys with plural suffixes folded: `counts.members_one` and `_other` → `counts.members`. */
function baseKeys(messages: Map<string, string>): Set<string> {
  return new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1] ?? '').sort();
}

const localeFiles = readdirSync(localesDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''));
const reference = load('es');

describe('locale files', () => {
  it('exist for exactly the languages offered in the language switch', () => {
    expect(localeFiles.sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  it.each(localeFiles.filter((code) => code !== 'es'))('%s.json has exactly the keys of es.json', (code) => {
    const messages = load(code);
    const missing = [...baseKeys(reference)].filter((key) => !baseKeys(messages).has(key));
    const extra = [...baseKeys(messages)].filter((key) => !baseKeys(reference).has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(localeFiles)('%s.json has every plural form its language needs, and no other', (code) => {
    const messages = load(code);
    const categories = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
    const pluralBases = new Set(
      [...messages.keys()]
        .filter((key) => PLURAL_SUFFIX.test(key))
        .map((key) => key.replace(PLURAL_SUFFIX, '')),
    );
    for (const base of pluralBases) {
      const forms = [...messages.keys()]
        .filter((key) => key.replace(PLURAL_SUFFIX, '') === base && PLURAL_SUFFIX.test(key))
        .map((key) => PLURAL_SUFFIX.exec(key)?.[1])
        .sort();
      expect({ base, forms }).toEqual({ base, forms: categories });
    }
  });

  it.each(localeFiles.filter((code) => code !== 'es'))('%s.json uses the placeholders of es.json', (code) => {
    const messages = load(code);
    const referenceByBase = new Map(
      [...reference].map(([key, text]) => [key.replace(PLURAL_SUFFIX, ''), text]),
    );
    for (const [key, text] of messages) {
      const spanish = referenceByBase.get(key.replace(PLURAL_SUFFIX, ''));
      if (spanish === undefined) continue; // reported by the key test
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(spanish) });
    }
  });

  it('has no empty texts', () => {
    for (const code of localeFiles) {
      for (const [key, text] of load(code))
        expect({ code, key, empty: text.trim() === '' }).toEqual({ code, key, empty: false });
    }
  });
});

/** Every `t('literal.key')` in the app's own folders (keys built at run time are checked below). */
function literalKeysInCode(): Set<string> {
  const webDir = fileURLToPath(new URL('..', import.meta.url));
  const keys = new Set<string>();
  for (const folder of ['app', 'ui', 'members', 'federation']) {
    const dir = join(webDir, folder);
    for (const name of readdirSync(dir)) {
      if (!/\.tsx?$/.test(name) || name.includes('.test.')) continue;
      const source = readFileSync(join(dir, name), 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.-]+)'/g)) keys.add(match[1] ?? '');
    }
  }
  return keys;
}

describe('texts the code asks for', () => {
  it('finds every literal key in es.json', () => {
    const keys = literalKeysInCode();
    expect(keys.size).toBeGreaterThan(100);
    const missing = [...keys].filter((key) => !baseKeys(reference).has(key));
    expect(missing).toEqual([]);
  });

  it.each([
    ['kind', ['factory', 'mine', 'office', 'village', 'neighbourhood', 'union', 'federation']],
    ['level', ['local', 'regional', 'national']],
    ['office', ['secretary', 'chair', 'treasurer']],
    ['membership', ['active', 'suspended', 'left']],
    ['applicationStatus', ['pending', 'contacted', 'accepted', 'declined']],
  ])('has a text for every value of %s', (prefix, values) => {
    const missing = values.filter((value) => !reference.has(`${prefix}.${value}`));
    expect(missing).toEqual([]);
  });
});
