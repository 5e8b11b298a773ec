// The acts that end a mandate, each behind a confirmation step: the holder resigns (a reason is
// optional); the sending council's secretary or chair records the council's recall decision with its
// reference and the minute's text. Either ends the mandates that depend on it at the same instant.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import { TextArea, TextField } from '../ui/index.ts';
import { ConfirmAct } from './ConfirmAct.tsx';

interface ActProps {
  mandateId: string;
  holderName: string;
  onEnded: () => void;
}

export function ResignMandate({ mandateId, holderName, onEnded }: ActProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  return (
    <ConfirmAct
      title={t('mandate.resignTitle')}
      lead={t('mandate.resignLead')}
      openLabel={t('mandate.resign')}
      confirmLabel={t('mandate.confirmResign', { name: holderName })}
      fieldIds={{ reason: reasonId }}
      check={() => ({})}
      send={async () => {
        await api.post(
          `/mandates/${encodeURIComponent(mandateId)}/resignation`,
          reason.trim() ? { reason: reason.trim() } : {},
        );
        onEnded();
      }}
    >
      {(errors) => (
        <TextArea
          id={reasonId}
          label={t('mandate.resignReason')}
          isOptional
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errors.reason}
          maxLength={2000}
          rows={3}
          autoFocus
        />
      )}
    </ConfirmAct>
  );
}

export function RecallDecision({ mandateId, holderName, onEnded }: ActProps) {
  const { t } = useTranslation();
  const base = useId();
  const ids = { decisionReference: `${base}-reference`, minuteText: `${base}-minute` };
  const [reference, setReference] = useState('');
  const [minute, setMinute] = useState('');
  return (
    <ConfirmAct
      title={t('mandate.recallTitle')}
      lead={t('mandate.recallLead', { name: holderName })}
      openLabel={t('mandate.recall')}
      confirmLabel={t('mandate.confirmRecall', { name: holderName })}
      fieldIds={ids}
      check={() => {
        const problems: Record<string, string> = {};
        if (!reference.trim()) problems.decisionReference = t('mandate.referenceRequired');
        if (!minute.trim()) problems.minuteText = t('mandate.minuteRequired');
        return problems;
      }}
      send={async () => {
        await api.post(`/mandates/${encodeURIComponent(mandateId)}/recall`, {
          decisionReference: reference.trim(),
          minuteText: minute.trim(),
        });
        onEnded();
      }}
    >
      {(errors) => (
        <>
          <TextField
            id={ids.decisionReference}
            label={t('mandate.reference')}
            hint={t('mandate.referenceHint')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            error={errors.decisionReference}
            maxLength={200}
            required
            autoFocus
          />
          <TextArea
            id={ids.minuteText}
            label={t('mandate.minute')}
            hint={t('mandate.minuteHint')}
            value={minute}
            onChange={(event) => setMinute(event.target.value)}
            error={errors.minuteText}
            maxLength={20000}
            rows={4}
            required
          />
        </>
      )}
    </ConfirmAct>
  );
}
