// The "Manage" tab of a council page: for those who build this part of the federation, create a
// council beneath a federation or import many from CSV; for those who lead above a council, move it
// under another federation or dissolve it. Each part shows only when the viewer's rights allow it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../app/api-client.ts';
import type { Council, CreatedCouncil, ImportReport } from '../app/api-types.ts';
import { CsvImportForm } from '../app/CsvImportForm.tsx';
import { CSV_CONTENT_TYPE } from '../app/csv-import.ts';
import { Notice } from '../ui/index.ts';
import { CouncilForm } from './CouncilForm.tsx';
import { DissolveCouncil } from './DissolveCouncil.tsx';
import { MoveCouncil } from './MoveCouncil.tsx';

const COUNCIL_CSV_COLUMNS = [
  'key',
  'name',
  'kind',
  'level',
  'territory',
  'sector',
  'parent_key',
  'answer_days',
] as const;

export interface CouncilManageTabProps {
  council: Council;
  /** The council changed (councils beneath, place in the tree, dissolution): load it again. */
  onCouncilChanged: () => void;
}

function CreateCouncil({ council, onCouncilChanged }: CouncilManageTabProps) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedCouncil | null>(null);
  return (
    <section className="panel" aria-labelledby="create-council-title">
      <h2 className="panel-title" id="create-council-title">
        {t('manage.createTitle')}
      </h2>
      <p className="muted">{t('manage.createLead', { name: council.name })}</p>
      <div role="status">
        {created && (
          <Notice tone="success" title={t('manage.created', { name: created.name })}>
            <p>
              <Link href={`/councils/${created.id}`}>{t('manage.openCreated', { name: created.name })}</Link>
            </p>
          </Notice>
        )}
      </div>
      <CouncilForm
        idPrefix="create-council"
        parentId={council.id}
        submitLabel={t('manage.createSubmit')}
        onCreated={(value) => {
          setCreated(value);
          onCouncilChanged();
        }}
      />
    </section>
  );
}

export default function CouncilManageTab({ council, onCouncilChanged }: CouncilManageTabProps) {
  const { t } = useTranslation();

  const uploadCouncils = (csv: string) =>
    api.postText<ImportReport>(
      `/councils/import?parentId=${encodeURIComponent(council.id)}`,
      csv,
      CSV_CONTENT_TYPE,
    );

  return (
    <div className="manage">
      {council.viewer.canManage && (
        <>
          <CreateCouncil council={council} onCouncilChanged={onCouncilChanged} />
          <CsvImportForm
            title={t('manage.importTitle')}
            lead={t('manage.importLead')}
            columns={COUNCIL_CSV_COLUMNS}
            submitLabel={t('manage.importSubmit')}
            upload={uploadCouncils}
            describeSuccess={(report) => t('manage.imported', { count: report.imported })}
            onImported={onCouncilChanged}
          />
        </>
      )}
      {council.viewer.canMoveOrDissolve && (
        <>
          <MoveCouncil council={council} onMoved={onCouncilChanged} />
          <DissolveCouncil council={council} onDissolved={onCouncilChanged} />
        </>
      )}
    </div>
  );
}
