// The schematic map of a call to action: the councils in scope as a tree of nested lists under the
// calling body, each node with its state in words and a shape (its colour only repeats them), its
// pledges and participants; a body opens to its children (GET /actions/:id/councils?parentId=). A legend
// names every state.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { LoadError } from '../app/LoadError.tsx';
import { useApi } from '../app/use-api.ts';
import { Button, Loading } from '../ui/index.ts';
import { type MapNode, mapNodes, NODE_SHAPES, NODE_STATES, type NodeState } from './action-view.ts';
import { actionsErrorText } from './actions-text.ts';
import type { RollUp } from './actions-types.ts';

function StateMark({ state }: { state: NodeState }) {
  const { t } = useTranslation();
  return (
    <span className={`map-state map-state--${state}`}>
      <span className="map-shape" aria-hidden="true">
        {NODE_SHAPES[state]}
      </span>{' '}
      {t(`actions.map.state.${state}`)}
    </span>
  );
}

function Children({
  actionId,
  parentId,
  version,
}: {
  actionId: string;
  parentId: string | null;
  version: number;
}) {
  const { t } = useTranslation();
  const query = parentId ? `?parentId=${encodeURIComponent(parentId)}` : '';
  const rollUp = useApi<RollUp>(`/actions/${encodeURIComponent(actionId)}/councils${query}`);
  const { reload } = rollUp;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  if (rollUp.isLoading && !rollUp.data) return <Loading label={t('common.loading')} />;
  if (rollUp.error !== null)
    return <LoadError error={rollUp.error} onRetry={rollUp.reload} explain={actionsErrorText} />;
  if (!rollUp.data) return null;
  return (
    <ul className="action-map-list">
      {mapNodes(rollUp.data.children).map((node) => (
        <Node key={node.id} actionId={actionId} node={node} version={version} />
      ))}
    </ul>
  );
}

function Node({ actionId, node, version }: { actionId: string; node: MapNode; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = useId();
  const [isOpen, setIsOpen] = useState(false);
  const { totals } = node;
  return (
    <li className={`map-node map-node--${node.state}`}>
      <div className="map-node-line">
        <strong id={`${base}-name`}>{node.name}</strong> <StateMark state={node.state} />
        <span className="map-counts">
          {node.isBody &&
            t('actions.map.councils', {
              participating: format.number(totals.participating + totals.partial),
              n: format.number(totals.councils),
            })}
          {node.isBody && ' · '}
          {t('actions.map.pledges', {
            active: format.number(totals.activePledges),
            pending: format.number(totals.pendingPledges),
          })}
          {totals.participants > 0 && (
            <> · {t('actions.map.participants', { n: format.number(totals.participants) })}</>
          )}
        </span>
        {node.isBody && (
          <Button
            variant="quiet"
            aria-expanded={isOpen}
            aria-describedby={`${base}-name`}
            onClick={() => setIsOpen((open) => !open)}
          >
            {isOpen ? t('actions.map.close') : t('actions.map.open')}
          </Button>
        )}
      </div>
      {isOpen && <Children actionId={actionId} parentId={node.id} version={version} />}
    </li>
  );
}

export function ActionMap({ actionId, version }: { actionId: string; version: number }) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <section className="panel" aria-labelledby={`${base}-title`}>
      <h2 className="panel-title" id={`${base}-title`}>
        {t('actions.map.heading')}
      </h2>
      <div className="action-map">
        <Children actionId={actionId} parentId={null} version={version} />
      </div>
      <h3 className="item-title" id={`${base}-legend`}>
        {t('actions.map.legend')}
      </h3>
      <ul className="action-map-legend" aria-labelledby={`${base}-legend`}>
        {NODE_STATES.map((state) => (
          <li key={state}>
            <StateMark state={state} />
          </li>
        ))}
      </ul>
    </section>
  );
}
