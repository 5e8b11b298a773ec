// The minutes of a sitting: rendered from their Markdown as plain React text (headings, paragraphs,
// lists, tables — never raw HTML, so an edit cannot inject markup), their status and, once approved,
// the digest of the approved text; downloads as Markdown and PDF; and, for the secretary or chair,
// generating them, editing the draft, and putting it to the vote of a later sitting.
import './decisions.css';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  type InlineSpan,
  type MarkdownBlock,
  parseMarkdownBlocks,
} from '../../core/decisions/minutes/markdown-blocks.ts';
import { ApiError, api } from '../app/api-client.ts';
import type { AssemblyMinutes, AssemblySummary } from '../app/api-types.ts';
import { useFormat } from '../app/format.ts';
import { RequireSignIn } from '../app/RequireSignIn.tsx';
import { useApi } from '../app/use-api.ts';
import { Badge, Button, Loading, Notice, PageHeader, SelectField, TextArea } from '../ui/index.ts';
import { decisionErrorText } from './decisions-text.ts';
import {
  groupedDigest,
  laterSittings,
  MINUTES_MAX_CHARS,
  minutesActs,
  minutesDownloadPath,
  minutesErrorKey,
} from './minutes-view.ts';

function Spans({ spans }: { spans: readonly InlineSpan[] }) {
  return (
    <>
      {spans.map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: spans have no identity but their place
        s.bold ? <strong key={i}>{s.text}</strong> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}

function Block({ block }: { block: MarkdownBlock }): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // The page's h1 is its title: the document's headings sit one level below.
      const Tag = (['h2', 'h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
      return (
        <Tag>
          <Spans spans={block.spans} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          {block.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
            <span key={i}>
              {i > 0 && <br />}
              <Spans spans={line} />
            </span>
          ))}
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
        <li key={i}>
          <Spans spans={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {block.header.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={i} scope="col">
                    <Spans spans={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                <tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={c} className={block.align[c] === 'right' ? 'numeric' : undefined}>
                      <Spans spans={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return <pre>{block.lines.join('\n')}</pre>;
  }
}

export function MinutesDocument({ markdown }: { markdown: string }) {
  return (
    <article className="minutes-document">
      {parseMarkdownBlocks(markdown).map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
        <Block key={i} block={block} />
      ))}
    </article>
  );
}

function useMinutesAct(onDone: () => void) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  async function act(name: string, run: () => Promise<unknown>) {
    setBusy(name);
    setFailure('');
    try {
      await run();
    } catch (error) {
      const key = error instanceof ApiError ? minutesErrorKey(error.code) : null;
      setFailure(key ? t(key) : decisionErrorText(error, i18n));
    } finally {
      setBusy(null);
      onDone();
    }
  }
  return { busy, failure, act };
}

function SecretaryTools({ view, onChanged }: { view: AssemblyMinutes; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const base = useId();
  const acts = minutesActs(view);
  const { busy, failure, act } = useMinutesAct(onChanged);
  const [language, setLanguage] = useState<'es' | 'en'>(
    view.minutes?.language ?? (i18n.language.startsWith('en') ? 'en' : 'es'),
  );
  const [draft, setDraft] = useState(view.minutes?.markdown ?? '');
  const [laterId, setLaterId] = useState('');
  const sittings = useApi<{ assemblies: AssemblySummary[] }>(
    acts.mayPropose ? `/councils/${encodeURIComponent(view.councilId)}/assemblies` : null,
  );
  const current = sittings.data?.assemblies.find((a) => a.id === view.assemblyId);
  const later = current ? laterSittings(sittings.data?.assemblies ?? [], current) : [];
  const path = `/assemblies/${encodeURIComponent(view.assemblyId)}/minutes`;
  if (!acts.mayGenerate && !acts.mayEdit && !acts.mayPropose) return null;

  return (
    <section className="panel" aria-labelledby={`${base}-tools`}>
      <h2 className="panel-title" id={`${base}-tools`}>
        {t('decisions.minutes.secretaryTitle')}
      </h2>
      {failure && (
        <Notice tone="error" live="alert">
          <p>{failure}</p>
        </Notice>
      )}
      {acts.mayGenerate && (
        <div className="form-row">
          <SelectField
            label={t('decisions.minutes.language')}
            value={language}
            onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'es')}
          >
            <option value="es">Español</option>
            <option value="en">English</option>
          </SelectField>
          <Button
            isBusy={busy === 'generate'}
            onClick={() =>
              void act('generate', async () => {
                const next = await api.post<AssemblyMinutes>(path, { language });
                if (next.minutes) setDraft(next.minutes.markdown);
              })
            }
          >
            {view.minutes ? t('decisions.minutes.regenerate') : t('decisions.minutes.generate')}
          </Button>
          {view.minutes?.isEdited && (
            <p className="small muted">{t('decisions.minutes.regenerateKeepsEdits')}</p>
          )}
        </div>
      )}
      {acts.mayEdit && view.minutes && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act('save', () => api.put(path, { markdown: draft }));
          }}
        >
          <TextArea
            label={t('decisions.minutes.editLabel')}
            hint={t('decisions.minutes.editHint')}
            value={draft}
            rows={20}
            maxLength={MINUTES_MAX_CHARS}
            className="minutes-editor"
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button type="submit" isBusy={busy === 'save'} disabled={draft === view.minutes.markdown}>
            {t('decisions.minutes.save')}
          </Button>
        </form>
      )}
      {acts.mayPropose && (
        <div className="form-row">
          <h3>{t('decisions.minutes.proposeTitle')}</h3>
          {later.length === 0 ? (
            <p className="small muted">{t('decisions.minutes.noLaterSitting')}</p>
          ) : (
            <>
              <SelectField
                label={t('decisions.minutes.laterSitting')}
                value={laterId}
                onChange={(event) => setLaterId(event.target.value)}
              >
                <option value="">—</option>
                {later.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title} · {format.dateTime(a.startsAt)}
                  </option>
                ))}
              </SelectField>
              <Button
                disabled={laterId === ''}
                isBusy={busy === 'propose'}
                onClick={() =>
                  void act('propose', () => api.post(`${path}/approval`, { assemblyId: laterId }))
                }
              >
                {t('decisions.minutes.propose')}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Minutes({ assemblyId }: { assemblyId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const state = useApi<AssemblyMinutes>(`/assemblies/${encodeURIComponent(assemblyId)}/minutes`);
  if (state.isLoading && !state.data) return <Loading label={t('decisions.minutes.loading')} />;
  if (!state.data) {
    return (
      <>
        <PageHeader
          title={t('decisions.minutes.unavailable')}
          crumbs={[{ href: '/', label: t('header.federation') }]}
        />
        <Notice tone="error" live="alert">
          <p>{decisionErrorText(state.error, i18n)}</p>
        </Notice>
      </>
    );
  }
  const view = state.data;
  const m = view.minutes;
  return (
    <>
      <PageHeader
        title={t('decisions.minutes.title', { title: view.assemblyTitle })}
        crumbs={[
          { href: '/', label: t('header.federation') },
          { href: `/councils/${view.councilId}`, label: view.councilName },
          { href: `/assemblies/${view.assemblyId}`, label: view.assemblyTitle },
        ]}
        aside={
          m && (
            <Badge tone={m.status === 'approved' ? 'success' : 'warning'}>
              {t(m.status === 'approved' ? 'decisions.minutes.approved' : 'decisions.minutes.draft')}
            </Badge>
          )
        }
      />
      {!m && (
        <Notice tone="info">
          <p>
            {view.assemblyStatus === 'closed'
              ? t('decisions.minutes.notGenerated')
              : t('decisions.minutes.afterClosing')}
          </p>
        </Notice>
      )}
      {m?.status === 'approved' && m.approvedAt && m.documentDigest && (
        <Notice
          tone="success"
          title={t('decisions.minutes.approvedOn', { date: format.dateTime(m.approvedAt) })}
        >
          <p>
            {t('decisions.minutes.digest')} <code className="digest">{groupedDigest(m.documentDigest)}</code>
          </p>
          {m.approvedByPollId && (
            <p>
              <Link href={`/polls/${m.approvedByPollId}`}>{t('decisions.minutes.approvalVote')}</Link>
            </p>
          )}
        </Notice>
      )}
      {m?.pendingApprovalPollId && (
        <Notice tone="info" title={t('decisions.minutes.pending')}>
          <p>
            <Link href={`/polls/${m.pendingApprovalPollId}`}>{t('decisions.minutes.approvalVote')}</Link>
          </p>
        </Notice>
      )}
      {m && (
        <p className="button-row">
          <a className="button button--secondary" href={minutesDownloadPath(view.assemblyId, 'md')} download>
            {t('decisions.minutes.downloadMarkdown')}
          </a>{' '}
          <a className="button button--secondary" href={minutesDownloadPath(view.assemblyId, 'pdf')} download>
            {t('decisions.minutes.downloadPdf')}
          </a>
        </p>
      )}
      <SecretaryTools key={m?.markdown ?? ''} view={view} onChanged={state.reload} />
      {m && (
        <section className="panel">
          <MinutesDocument markdown={m.markdown} />
        </section>
      )}
    </>
  );
}

export default function MinutesPage({ assemblyId }: { assemblyId: string }) {
  return (
    <RequireSignIn>
      <Minutes assemblyId={assemblyId} />
    </RequireSignIn>
  );
}
