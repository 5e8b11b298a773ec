import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import es from '../locales/es.json';
import { CouncilForm } from './CouncilForm.tsx';
import type { CouncilFormValues } from './council-form.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'es',
    resources: { es: { translation: es } },
    interpolation: { escapeValue: false },
  });
});

function render(initialKind: CouncilFormValues['kind']) {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <CouncilForm
        idPrefix="c"
        parentId={null}
        initialKind={initialKind}
        submitLabel="Crear"
        onCreated={() => {}}
      />
    </I18nextProvider>,
  );
}

describe('the council form', () => {
  it('asks a federation for its level, with a label tied to the choice', () => {
    const html = render('federation');
    expect(html).toContain('<label class="field-label" for="c-level">Nivel de la federación');
    expect(html).toContain('<option value="regional">Federación regional</option>');
    expect(html).toContain('<option value="other">Otro nivel (escriba su nombre)</option>');
  });

  it('asks a base council for no level', () => {
    expect(render('neighbourhood')).not.toContain('id="c-level"');
    expect(render('')).not.toContain('id="c-level"');
  });

  it('labels every field and marks the optional one', () => {
    const html = render('');
    for (const id of ['c-name', 'c-kind', 'c-territory', 'c-sector', 'c-answer-days']) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/for="c-sector">Sector<span class="field-optional"> \(opcional\)/);
    expect(html).toContain('value="7"');
  });
});
