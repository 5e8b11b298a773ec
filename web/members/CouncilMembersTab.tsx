// The "Members" tab of a council page, for its officers: the member list with contact details, a page
// at a time, and (for its secretary and chair) the import of an existing roll from CSV.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api-client.ts';
import type { Council, CouncilMember, ImportReport, OfficeName } from '../app/api-types.ts';
import { CsvImportForm } from '../app/CsvImportForm.tsx';
import { CSV_CONTENT_TYPE } from '../app/csv-import.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { useApi } from '../app/use-api.ts';
import { Button, Loading, Notice } from '../ui/index.ts';
import { MemberItem } from './MemberItem.tsx';
import { pageOf } from './member-pages.ts';

const MEMBER_PAGE_SIZE = 50;
const MEMBER_CSV_COLUMNS = ['full_name', 'email', 'phone', 'home_place', 'work_place'] as const;

export interface CouncilMembersTabProps {
  council: Council;
  /** Offices or the member count changed: the council page loads the council again. */
  onCouncilChanged: () => void;
}

export default function CouncilMembersTab({ council, onCouncilChanged }: CouncilMembersTabProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const [offset, setOffset] = useState(0);
  const [news, setNews] = useState('');
  const [movedPage, setMovedPage] = useState(false);
  // One more than a page: whether there is a next page, without a count from the server.
  const list = useApi<{ members: CouncilMember[] }>(
    `/councils/${encodeURIComponent(council.id)}/members?limit=${MEMBER_PAGE_SIZE + 1}&offset=${offset}`,
  );
  const page = list.data ? pageOf(list.data.members, offset, MEMBER_PAGE_SIZE) : null;

  useEffect(() => {
    if (movedPage && !list.isLoading) heading.current?.focus();
  }, [movedPage, list.isLoading]);

  function goTo(next: number) {
    setOffset(Math.max(0, next));
    setMovedPage(true);
  }

  function appointed(member: CouncilMember, office: OfficeName) {
    setNews(t('memberList.appointed', { name: member.fullName, office: t(`office.${office}`) }));
    onCouncilChanged();
  }

  async function uploadMembers(csv: string) {
    return api.postText<ImportReport>(
      `/councils/${encodeURIComponent(council.id)}/members/import`,
      csv,
      CSV_CONTENT_TYPE,
    );
  }

  return (
    <>
      <div role="status">
        {news && (
          <Notice tone="success">
            <p>{news}</p>
          </Notice>
        )}
      </div>
      <section className="panel" aria-labelledby="members-title">
        <h2 className="panel-title" id="members-title" ref={heading} tabIndex={-1}>
          {page && page.members.length > 0
            ? t('memberList.range', { from: format.number(page.from), to: format.number(page.to) })
            : t('memberList.title')}
        </h2>
        <p className="muted small">{t('memberList.privacy')}</p>
        {list.isLoading && <Loading label={t('memberList.loading')} />}
        {list.error ? (
          <Notice tone="error" live="alert">
            <p>{errorText(list.error, i18n)}</p>
            <Button variant="secondary" onClick={list.reload}>
              {t('common.retry')}
            </Button>
          </Notice>
        ) : null}
        {page && !list.isLoading && page.members.length === 0 && <p>{t('memberList.empty')}</p>}
        {page && !list.isLoading && page.members.length > 0 && (
          <ul className="plain-list member-list">
            {page.members.map((member) => (
              <MemberItem
                key={member.membershipId}
                member={member}
                councilId={council.id}
                canIssueLink={council.viewer.canDecideApplications}
                canAppoint={council.viewer.canAssignOffices}
                onAppointed={appointed}
              />
            ))}
          </ul>
        )}
        {page && (page.hasPrevious || page.hasNext) && (
          <nav className="pager" aria-label={t('memberList.pages')}>
            <Button
              variant="secondary"
              disabled={!page.hasPrevious || list.isLoading}
              onClick={() => goTo(offset - MEMBER_PAGE_SIZE)}
            >
              {t('memberList.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={!page.hasNext || list.isLoading}
              onClick={() => goTo(offset + MEMBER_PAGE_SIZE)}
            >
              {t('memberList.next')}
            </Button>
          </nav>
        )}
      </section>
      {council.viewer.canDecideApplications && council.viewer.canAssignOffices && (
        <CsvImportForm
          title={t('memberList.importTitle')}
          lead={t('memberList.importLead')}
          columns={MEMBER_CSV_COLUMNS}
          submitLabel={t('memberList.importSubmit')}
          upload={uploadMembers}
          describeSuccess={(report) =>
            [
              t('memberList.imported', { count: report.imported }),
              report.alreadyMembers ? t('memberList.alreadyMembers', { count: report.alreadyMembers }) : '',
            ]
              .filter(Boolean)
              .join(' ')
          }
          onImported={() => {
            list.reload();
            onCouncilChanged();
          }}
        />
      )}
    </>
  );
}
