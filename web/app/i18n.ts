// i18next set-up. Spanish ships inside the entry chunk (it is the default and the fallback for any
// key a newer language file lacks); every other language file is a separate chunk fetched on demand.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import es from '../locales/es.json';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, pickLanguage } from './languages.ts';

type Messages = Record<string, unknown>;

const lazyLocales = import.meta.glob<Messages>(['../locales/*.json', '!../locales/es.json'], {
  import: 'default',
});

async function ensureLoaded(code: string): Promise<void> {
  if (i18next.hasResourceBundle(code, 'translation')) return;
  const load = lazyLocales[`../locales/${code}.json`];
  if (!load) throw new Error(`No locale file for ${code}`);
  i18next.addResourceBundle(code, 'translation', await load());
}

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, policy): fall back to the browser's languages
  }
}

function reflectLanguage(code: string): void {
  document.documentElement.lang = code;
}

export async function setupI18n(): Promise<void> {
  const initial = pickLanguage(rememberedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: { es: { translation: es } },
    interpolation: { escapeValue: false }, // React escapes what it renders
    returnNull: false,
    react: { useSuspense: false },
  });
  i18next.on('languageChanged', reflectLanguage);
  reflectLanguage(DEFAULT_LANGUAGE);
  if (initial !== DEFAULT_LANGUAGE) {
    try {
      await ensureLoaded(initial);
      await i18next.changeLanguage(initial);
    } catch {
      // the locale chunk did not arrive (offline): stay in Spanish rather than show nothing
    }
  }
}

export async function switchLanguage(code: string): Promise<void> {
  await ensureLoaded(code);
  await i18next.changeLanguage(code);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // not remembered, but the switch itself worked
  }
}
