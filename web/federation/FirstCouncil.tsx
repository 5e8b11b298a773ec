// A fresh installation has no council: its administrator creates the first one here, at the top of
// the tree (usually the national or regional federation the others will be created beneath).
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { CouncilForm } from './CouncilForm.tsx';

export default function FirstCouncil() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <section className="first-council" aria-labelledby="first-council-title">
      <h3 id="first-council-title">{t('firstCouncil.title')}</h3>
      <p>{t('firstCouncil.lead')}</p>
      <CouncilForm
        idPrefix="first-council"
        parentId={null}
        initialKind="federation"
        submitLabel={t('firstCouncil.submit')}
        onCreated={(council) => navigate(`/councils/${council.id}`)}
      />
    </section>
  );
}
