import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../app/api-types.ts';
import { childrenOf, hasChildrenLoaded, mergeNodes, rootsOf } from './tree-index.ts';

function node(id: string, parentId: string | null, extra: Partial<TreeNode> = {}): TreeNode {
  return {
    id,
    name: id,
    kind: 'neighbourhood',
    level: null,
    territory: 'La Paz',
    sector: null,
    parentId,
    depth: 0,
    childCount: 0,
    councils: 1,
    members: 10,
    ...extra,
  };
}

const national = node('Confederación', null, { kind: 'federation', level: 'national', childCount: 2 });
const andes = node('Andes', 'Confederación', { kind: 'federation', level: 'regional', childCount: 1 });
const valles = node('Valles', 'Confederación', { kind: 'federation', level: 'regional', childCount: 3 });
const mine = node('Mina Huanuni', 'Andes', { kind: 'mine' });

describe('federation tree index', () => {
  it('finds the top of the tree', () => {
    const index = mergeNodes(new Map(), [andes, national, mine]);
    expect(rootsOf(index).map((item) => item.id)).toEqual(['Confederación']);
  });

  it('treats a node whose parent was not loaded as a root (a subtree fetched alone)', () => {
    const index = mergeNodes(new Map(), [andes, mine]);
    expect(rootsOf(index).map((item) => item.id)).toEqual(['Andes']);
  });

  it('lists children with federations first, then by name', () => {
    const barrio = node('Barrio Alto', 'Valles');
    const local = node('Zona Sur', 'Valles', { kind: 'federation', level: 'local' });
    const index = mergeNodes(new Map(), [valles, node('Villa Fátima', 'Valles'), local, barrio]);
    expect(childrenOf(index, 'Valles').map((item) => item.id)).toEqual([
      'Zona Sur',
      'Barrio Alto',
      'Villa Fátima',
    ]);
  });

  it('lets a newer slice update counts of nodes already known', () => {
    const first = mergeNodes(new Map(), [national]);
    const second = mergeNodes(first, [{ ...national, members: 1500 }]);
    expect(second.get('Confederación')?.members).toBe(1500);
    expect(first.get('Confederación')?.members).toBe(10); // the earlier index is not changed
  });

  it('knows whether a node’s children have all arrived', () => {
    const index = mergeNodes(new Map(), [national, andes, mine, valles]);
    expect(hasChildrenLoaded(index, andes)).toBe(true);
    expect(hasChildrenLoaded(index, valles)).toBe(false);
    expect(hasChildrenLoaded(index, mine)).toBe(true);
  });
});
