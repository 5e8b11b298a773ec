// Every text key the web app asks i18next for by its literal name exists in the Spanish reference file
// (keys built at run time, like `office.${name}`, are not checked here). Files that do not use
// react-i18next (a component given its own `t`) are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import es from './es.json';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return readFileSync(path, 'utf8').includes("from 'react-i18next'") ? [path] : [];
  });
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(PLURAL_SUFFIX, '')];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

const known = new Set(keysOf(es));

describe('text keys used by the web app', () => {
  it.each(sourceFiles(webDir).map((path) => [path.slice(webDir.length), path]))(
    '%s asks only for keys es.json has',
    (_name, path) => {
      const source = readFileSync(path, 'utf8');
      const used = [...source.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*\.[\w.-]+)'/g)].map(
        (match) => match[1] ?? '',
      );
      expect(used.filter((key) => !known.has(key))).toEqual([]);
    },
  );
});
