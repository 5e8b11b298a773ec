// The offices of a council and who holds them. Those who may assign offices can also end one, after
// a confirmation step; the ending is recorded in the council's ledger.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { Button, Notice } from '../ui/index.ts';

type Office = Council['offices'][number];

interface OfficeRowProps {
  office: Office;
  councilId: string;
  canEnd: boolean;
  onEnded: (office: Office) => void;
}

function OfficeRow({ office, councilId, canEnd, onEnded }: OfficeRowProps) {
  const { t, i18n } = useTranslation();
  const opener = useRef<HTMLButtonElement>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isEnding, setIsEnding] = useState(false);
  const [error, setError] = useState('');
  const officeName = t(`office.${office.office}`);

  function cancel() {
    setIsConfirming(false);
    requestAnimationFrame(() => opener.current?.focus());
  }

  async function end() {
    setIsEnding(true);
    setError('');
    try {
      await api.delete(`/councils/${encodeURIComponent(councilId)}/offices/${encodeURIComponent(office.id)}`);
      onEnded(office);
    } catch (cause) {
      setError(errorText(cause, i18n));
      setIsEnding(false);
    }
  }

  return (
    <div className="office-row">
      <dt>{officeName}</dt>
      <dd>
        <span>{office.person.fullName}</span>
        {canEnd && !isConfirming && (
          <Button ref={opener} variant="quiet" className="office-end" onClick={() => setIsConfirming(true)}>
            {t('offices.end')}
            <span className="visually-hidden">
              {' '}
              {t('offices.endWhich', { office: officeName, name: office.person.fullName })}
            </span>
          </Button>
        )}
        {isConfirming && (
          // A group, not a dialog: the question and its two answers sit where the button was.
          <fieldset className="confirm">
            <legend>{t('offices.confirm', { office: officeName, name: office.person.fullName })}</legend>
            {error && (
              <Notice tone="error" live="alert">
                <p>{error}</p>
              </Notice>
            )}
            <div className="actions">
              <Button variant="danger" onClick={end} isBusy={isEnding} autoFocus>
                {t('offices.confirmEnd')}
              </Button>
              <Button variant="secondary" onClick={cancel} disabled={isEnding}>
                {t('common.cancel')}
              </Button>
            </div>
          </fieldset>
        )}
      </dd>
    </div>
  );
}

export function OfficesCard({ council, onChanged }: { council: Council; onChanged: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [news, setNews] = useState('');

  function ended(office: Office) {
    setNews(t('offices.ended', { office: t(`office.${office.office}`), name: office.person.fullName }));
    // The row with the pressed button goes away: keep the keyboard in this card.
    heading.current?.focus();
    onChanged();
  }

  return (
    <section className="panel" aria-labelledby="offices-title">
      <h2 className="panel-title" id="offices-title" ref={heading} tabIndex={-1}>
        {t('council.offices')}
      </h2>
      <div role="status">
        {news && (
          <Notice tone="success">
            <p>{news}</p>
          </Notice>
        )}
      </div>
      {council.offices.length === 0 ? (
        <p className="muted">{t('council.noOffices')}</p>
      ) : (
        <dl className="definition-list office-list">
          {council.offices.map((office) => (
            <OfficeRow
              key={office.id}
              office={office}
              councilId={council.id}
              canEnd={council.viewer.canAssignOffices}
              onEnded={ended}
            />
          ))}
        </dl>
      )}
    </section>
  );
}
