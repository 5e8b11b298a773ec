import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from './i18n.ts';
import { LANGUAGES } from './languages.ts';

/** The language menu in the header; each language is named in itself and tagged with its lang. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [isSwitching, setIsSwitching] = useState(false);

  return (
    <div className="language-select">
      <label htmlFor={id}>
        <svg className="language-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path
            d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
        <span className="visually-hidden">{t('header.language')}</span>
      </label>
      <select
        id={id}
        value={i18n.language}
        disabled={isSwitching}
        onChange={async (event) => {
          setIsSwitching(true);
          try {
            await switchLanguage(event.target.value);
          } finally {
            setIsSwitching(false);
          }
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
