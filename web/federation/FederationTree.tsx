// The federation as a nested list: each council with its rolled-up counts, and a button that
// shows or hides the councils under it (fetched on first opening, one level ahead).
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, isAbort } from '../app/api-client.ts';
import type { TreeNode } from '../app/api-types.ts';
import { councilKindLabel } from '../app/council-labels.ts';
import { errorText } from '../app/error-text.ts';
import { useFormat } from '../app/format.ts';
import { Button, Loading, Notice } from '../ui/index.ts';
import { childrenOf, hasChildrenLoaded, mergeNodes, type NodeIndex, rootsOf } from './tree-index.ts';

function Chevron() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 2l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

interface BranchProps {
  node: TreeNode;
  index: NodeIndex;
  expanded: ReadonlySet<string>;
  loading: ReadonlySet<string>;
  failed: ReadonlyMap<string, string>;
  onToggle: (node: TreeNode) => void;
}

function Branch({ node, index, expanded, loading, failed, onToggle }: BranchProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const isOpen = expanded.has(node.id);
  const childListId = `tree-children-${node.id}`;
  const children = isOpen ? childrenOf(index, node.id, i18n.language) : [];
  const counts = [
    node.kind === 'federation'
      ? t('counts.councils', { count: node.councils, formatted: format.number(node.councils) })
      : null,
    t('counts.members', { count: node.members, formatted: format.number(node.members) }),
  ].filter(Boolean);

  return (
    <li>
      <div className="tree-node">
        {node.childCount > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={isOpen}
            aria-controls={isOpen ? childListId : undefined}
            onClick={() => onToggle(node)}
          >
            <Chevron />
            <span className="visually-hidden">{t('tree.toggle', { name: node.name })}</span>
          </button>
        ) : (
          <span className="tree-leaf-mark" aria-hidden="true">
            •
          </span>
        )}
        <div>
          <Link href={`/councils/${node.id}`} className="tree-name">
            {node.name}
          </Link>
          <span className="badge badge--neutral">{councilKindLabel(t, node.kind, node.level)}</span>
          <span className="tree-detail">{[node.territory, ...counts].join(' · ')}</span>
        </div>
      </div>
      {isOpen && (
        <ul id={childListId}>
          {loading.has(node.id) && (
            <li className="tree-children-status">
              <Loading label={t('tree.loadingChildren')} />
            </li>
          )}
          {failed.has(node.id) && (
            <li className="tree-children-status">
              <Notice tone="error" live="alert">
                <p>{failed.get(node.id)}</p>
              </Notice>
            </li>
          )}
          {children.map((child) => (
            <Branch
              key={child.id}
              node={child}
              index={index}
              expanded={expanded}
              loading={loading}
              failed={failed}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** `whenEmpty` is shown after the "no councils yet" line when the tree has no council at all. */
export function FederationTree({ whenEmpty }: { whenEmpty?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState<NodeIndex>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<ReadonlyMap<string, string>>(new Map());
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    api
      .get<{ nodes: TreeNode[] }>('/federation/tree?depth=2', { signal: controller.signal })
      .then(({ nodes }) => {
        const loaded = mergeNodes(new Map(), nodes);
        setIndex(loaded);
        // Open the top of the tree so the first screen already shows the federations under it.
        setExpanded(new Set(rootsOf(loaded).map((node) => node.id)));
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setLoadError(errorText(error, i18n));
        setStatus('error');
      });
    return () => controller.abort();
  }, [attempt]);

  const onToggle = useCallback(
    (node: TreeNode) => {
      const isOpen = expanded.has(node.id);
      setExpanded((current) => {
        const next = new Set(current);
        if (isOpen) next.delete(node.id);
        else next.add(node.id);
        return next;
      });
      if (isOpen || hasChildrenLoaded(index, node)) return;
      setLoading((current) => new Set(current).add(node.id));
      setFailed((current) => {
        const next = new Map(current);
        next.delete(node.id);
        return next;
      });
      api
        .get<{ nodes: TreeNode[] }>(`/federation/tree?root=${encodeURIComponent(node.id)}&depth=2`)
        .then(({ nodes }) => setIndex((current) => mergeNodes(current, nodes)))
        .catch((error: unknown) =>
          setFailed((current) => new Map(current).set(node.id, errorText(error, i18n))),
        )
        .finally(() =>
          setLoading((current) => {
            const next = new Set(current);
            next.delete(node.id);
            return next;
          }),
        );
    },
    [expanded, index, i18n],
  );

  if (status === 'loading') return <Loading label={t('tree.loading')} />;
  if (status === 'error') {
    return (
      <Notice tone="error" live="alert" title={t('tree.failed')}>
        <p>{loadError}</p>
        <p>
          <Button variant="secondary" onClick={() => setAttempt((value) => value + 1)}>
            {t('common.retry')}
          </Button>
        </p>
      </Notice>
    );
  }
  const roots = rootsOf(index, i18n.language);
  if (roots.length === 0) {
    return (
      <>
        <p>{t('tree.empty')}</p>
        {whenEmpty}
      </>
    );
  }
  return (
    <ul className="tree">
      {roots.map((node) => (
        <Branch
          key={node.id}
          node={node}
          index={index}
          expanded={expanded}
          loading={loading}
          failed={failed}
          onToggle={onToggle}
        />
      ))}
    </ul>
  );
}
