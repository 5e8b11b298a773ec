// An amendment's diff as a table: each line with its number before and after, and the change in words
// ("eliminado", "añadido") as well as struck-through and underlined text — never colour alone. Long runs
// of unchanged lines are cut to a little context around each change.
import { useTranslation } from 'react-i18next';
import type { DiffHunkView } from '../app/api-types.ts';
import { diffRows } from './motion-forms.ts';

export function AmendmentDiff({ hunks, caption }: { hunks: readonly DiffHunkView[]; caption: string }) {
  const { t } = useTranslation();
  const rows = diffRows(hunks);
  return (
    <div className="table-scroll">
      <table className="data-table amendment-diff">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('decisions.motions.diff.before')}</th>
            <th scope="col">{t('decisions.motions.diff.after')}</th>
            <th scope="col">{t('decisions.motions.diff.change')}</th>
            <th scope="col">{t('decisions.motions.diff.text')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row === null ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <tr key={index}>
                <td colSpan={4} className="muted small">
                  {t('decisions.motions.diff.unchanged')}
                </td>
              </tr>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
              <tr key={index} className={`diff-row diff-row--${row.kind}`}>
                <td>{row.oldLine ?? ''}</td>
                <td>{row.newLine ?? ''}</td>
                <td>
                  {row.kind === 'kept' ? (
                    <span className="muted">{t('decisions.motions.diff.kept')}</span>
                  ) : (
                    <strong>{t(`decisions.motions.diff.${row.kind}`)}</strong>
                  )}
                </td>
                <td>
                  {row.kind === 'removed' ? (
                    <del>{row.text}</del>
                  ) : row.kind === 'added' ? (
                    <ins>{row.text}</ins>
                  ) : (
                    row.text
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
