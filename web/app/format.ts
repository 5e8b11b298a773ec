import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimalText } from './decimal-text.ts';
import { DEFAULT_LANGUAGE } from './languages.ts';

/** Numbers and dates in the reader's language (Intl falls back to Spanish for a language it lacks). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const locales = [language, DEFAULT_LANGUAGE];
    const numberFormat = new Intl.NumberFormat(locales);
    const dateFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'long' });
    const dateTimeFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number) => numberFormat.format(value),
      /** The API's exact decimal text ('9.00', money and quantities) with the reader's marks: '9,00' in es. */
      decimal: (text: string) => formatDecimalText(text, locales),
      date: (iso: string) => dateFormat.format(new Date(iso)),
      /** A calendar day ('2026-11-29') as that day wherever the reader is (UTC midnight is the day before west of Greenwich). */
      day: (day: string) => dateFormat.format(new Date(`${day}T00:00:00`)),
      dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    };
  }, [language]);
}
