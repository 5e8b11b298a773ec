// One member in the officers' member list: contact details, and the acts on them — a one-time link to
// choose a new password (to hand over when there is no email) and appointing them to an office.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { CouncilMember, OfficeName, PasswordResetLink } from '../app/api-types.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { Badge, Button, CopyField, Notice } from '../ui/index.ts';

const OFFICES: readonly OfficeName[] = ['secretary', 'chair', 'treasurer', 'distribution'];
const STATUS_TONE = { active: 'success', suspended: 'warning', left: 'neutral' } as const;

export interface MemberItemProps {
  member: CouncilMember;
  councilId: string;
  canIssueLink: boolean;
  canAppoint: boolean;
  onAppointed: (member: CouncilMember, office: OfficeName) => void;
}

function Contacts({ member }: { member: CouncilMember }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="definition-list">
      <div>
        <dt>{t('memberList.joinedAt')}</dt>
        <dd>
          <time dateTime={member.joinedAt}>{format.date(member.joinedAt)}</time>
        </dd>
      </div>
      {member.email && (
        <div>
          <dt>{t('join.email')}</dt>
          <dd>
            <a href={`mailto:${member.email}`}>{member.email}</a>
          </dd>
        </div>
      )}
      {member.phone && (
        <div>
          <dt>{t('join.phone')}</dt>
          <dd>
            <a href={`tel:${member.phone.replace(/[^\d+]/g, '')}`}>{member.phone}</a>
          </dd>
        </div>
      )}
      {member.homePlace && (
        <div>
          <dt>{t('join.homePlace')}</dt>
          <dd>{member.homePlace}</dd>
        </div>
      )}
      {member.workPlace && (
        <div>
          <dt>{t('join.workPlace')}</dt>
          <dd>{member.workPlace}</dd>
        </div>
      )}
    </dl>
  );
}

export function MemberItem({ member, councilId, canIssueLink, canAppoint, onAppointed }: MemberItemProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const appointButton = useRef<HTMLButtonElement>(null);
  const [link, setLink] = useState<string | null>(null);
  const [isAppointing, setIsAppointing] = useState(false);
  const [office, setOffice] = useState<OfficeName>('secretary');
  const [busy, setBusy] = useState<'link' | 'appoint' | null>(null);
  const [error, setError] = useState('');
  const isActive = member.status === 'active';

  async function issueLink() {
    setBusy('link');
    setError('');
    try {
      const { url } = await api.post<PasswordResetLink>(
        `/persons/${encodeURIComponent(member.personId)}/password-reset`,
      );
      setLink(new URL(url, window.location.origin).toString());
    } catch (cause) {
      setError(errorText(cause, i18n));
    } finally {
      setBusy(null);
    }
  }

  function closeAppointing() {
    setIsAppointing(false);
    // Back to the button that opened the form, so the keyboard does not lose its place.
    requestAnimationFrame(() => appointButton.current?.focus());
  }

  async function appoint(event: FormEvent) {
    event.preventDefault();
    setBusy('appoint');
    setError('');
    try {
      await api.post(`/councils/${encodeURIComponent(councilId)}/offices`, {
        personId: member.personId,
        office,
      });
      closeAppointing();
      onAppointed(member, office);
    } catch (cause) {
      setError(errorText(cause, i18n));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="member">
      <div className="member-head">
        <h3 id={`${id}-name`}>{member.fullName}</h3>
        <Badge tone={STATUS_TONE[member.status] ?? 'neutral'}>{t(`membership.${member.status}`)}</Badge>
      </div>
      <Contacts member={member} />
      {error && (
        <Notice tone="error" live="alert">
          <p>{error}</p>
        </Notice>
      )}
      <div role="status">
        {link && (
          <Notice tone="success" title={t('memberList.linkTitle', { name: member.fullName })}>
            <p>{t('memberList.linkBody')}</p>
            <CopyField label={t('memberList.linkLabel')} value={link} />
          </Notice>
        )}
      </div>
      {isActive && isAppointing && (
        <form className="inline-form" noValidate onSubmit={appoint}>
          <fieldset>
            <legend>{t('memberList.officeLegend', { name: member.fullName })}</legend>
            <div className="choice-row">
              {OFFICES.map((name) => (
                <label key={name} className="choice">
                  <input
                    type="radio"
                    name={`${id}-office`}
                    value={name}
                    checked={office === name}
                    onChange={() => setOffice(name)}
                    // biome-ignore lint/a11y/noAutofocus: the form opens on request; focus goes to its first choice
                    autoFocus={name === office}
                  />
                  {t(`office.${name}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="actions">
            <Button type="submit" isBusy={busy === 'appoint'}>
              {t('memberList.confirmAppoint')}
            </Button>
            <Button variant="secondary" onClick={closeAppointing} disabled={busy !== null}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
      {isActive && !isAppointing && (canIssueLink || canAppoint) && (
        <div className="actions">
          {canIssueLink && (
            <Button variant="secondary" onClick={issueLink} isBusy={busy === 'link'} disabled={busy !== null}>
              {t('memberList.passwordLink')}
              <span className="visually-hidden"> {t('memberList.forName', { name: member.fullName })}</span>
            </Button>
          )}
          {canAppoint && (
            <Button
              ref={appointButton}
              variant="secondary"
              onClick={() => setIsAppointing(true)}
              disabled={busy !== null}
            >
              {t('memberList.appoint')}
              <span className="visually-hidden"> {t('memberList.forName', { name: member.fullName })}</span>
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
