// Importing a CSV file (councils beneath a federation, or a council's members): choose the file, send
// its text, then either the count of what was imported or, when the server rejected rows, a table of
// the rejected lines and why. The server imports nothing when any row is rejected.
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, TextField } from '../ui/index.ts';
import type { ImportReport } from './api-types.ts';
import { isColumnError, rejectedImport, rejectedRows } from './csv-import.ts';
import { errorText } from './error-text.ts';

export interface CsvImportFormProps {
  title: string;
  /** What the file holds, before the list of columns. */
  lead: string;
  /** Columns the file may have; the first line of the file names them. */
  columns: readonly string[];
  submitLabel: string;
  /** Sends the file's text; resolves with the report of a successful import. */
  upload: (csv: string) => Promise<ImportReport>;
  /** The sentence that says what was imported. */
  describeSuccess: (report: ImportReport) => string;
  onImported?: () => void;
}

type Outcome =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'rejected'; report: ImportReport }
  | { kind: 'failed'; error: unknown };

function RejectedTable({ report, captionId }: { report: ImportReport; captionId: string }) {
  const { t } = useTranslation();
  return (
    // Scrolls sideways on a phone; focusable so a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{t('csvImport.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csvImport.line')}</th>
            <th scope="col">{t('csvImport.column')}</th>
            <th scope="col">{t('csvImport.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rejectedRows(report).map((row) => (
            <tr key={row.line}>
              <th scope="row">{row.line}</th>
              <td>
                <code>{row.field ?? '—'}</code>
              </td>
              {/* The server states row reasons in English only. */}
              <td lang="en">{row.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CsvImportForm({
  title,
  lead,
  columns,
  submitLabel,
  upload,
  describeSuccess,
  onImported,
}: CsvImportFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState('');
  const [isSending, setIsSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError(t('csvImport.fileRequired'));
      fileInput.current?.focus();
      return;
    }
    setFileError('');
    setOutcome(null);
    setIsSending(true);
    try {
      const report = await upload(await file.text());
      setOutcome({ kind: 'imported', report });
      if (fileInput.current) fileInput.current.value = '';
      onImported?.();
    } catch (error) {
      const report = rejectedImport(error);
      setOutcome(report ? { kind: 'rejected', report } : { kind: 'failed', error });
    } finally {
      setIsSending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel-title" id={`${id}-title`}>
        {title}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          label={t('csvImport.file')}
          hint={
            <>
              {lead} {t('csvImport.columnsHint')}{' '}
              {columns.map((column, index) => (
                <span key={column}>
                  {index > 0 && ', '}
                  <code>{column}</code>
                </span>
              ))}
            </>
          }
          error={fileError}
          onChange={() => setFileError('')}
          required
        />
        <Button type="submit" isBusy={isSending}>
          {isSending ? t('csvImport.sending') : submitLabel}
        </Button>
      </form>
      <div role="status" className="import-outcome">
        {outcome?.kind === 'imported' && (
          <Notice tone="success" title={t('csvImport.doneTitle')}>
            <p>{describeSuccess(outcome.report)}</p>
          </Notice>
        )}
        {outcome?.kind === 'rejected' && (
          <Notice tone="error" title={t('csvImport.rejectedTitle', { count: outcome.report.rejected })}>
            <p>{t('csvImport.rejectedBody')}</p>
          </Notice>
        )}
      </div>
      {outcome?.kind === 'rejected' && <RejectedTable report={outcome.report} captionId={`${id}-caption`} />}
      {outcome?.kind === 'failed' && (
        <Notice tone="error" live="alert" title={t('csvImport.failedTitle')}>
          <p>{errorText(outcome.error, i18n)}</p>
          {isColumnError(outcome.error) && (
            <p>
              {t('csvImport.columnNamed')} <code>{outcome.error.field}</code>
            </p>
          )}
        </Notice>
      )}
    </section>
  );
}
