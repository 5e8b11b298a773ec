// The federation tree arrives as flat node lists (one per request, each a slice of the tree);
// these pure functions merge the slices and answer "which nodes hang under this one".
import type { TreeNode } from '../app/api-types.ts';

export type NodeIndex = ReadonlyMap<string, TreeNode>;

/** Newer slices win: counts may have moved since the previous request. */
export function mergeNodes(index: NodeIndex, incoming: readonly TreeNode[]): Map<string, TreeNode> {
  const merged = new Map(index);
  for (const node of incoming) merged.set(node.id, node);
  return merged;
}

/** Federated councils first (they hold the rest of the tree), then by name in the reader's language. */
export function compareNodes(a: TreeNode, b: TreeNode, language = 'es'): number {
  const aFederation = a.kind === 'federation' ? 0 : 1;
  const bFederation = b.kind === 'federation' ? 0 : 1;
  return aFederation - bFederation || a.name.localeCompare(b.name, language);
}

export function childrenOf(index: NodeIndex, parentId: string, language?: string): TreeNode[] {
  return [...index.values()]
    .filter((node) => node.parentId === parentId)
    .sort((a, b) => compareNodes(a, b, language));
}

/** Top of what is known: nodes without a parent, or whose parent has not been loaded. */
export function rootsOf(index: NodeIndex, language?: string): TreeNode[] {
  return [...index.values()]
    .filter((node) => node.parentId === null || !index.has(node.parentId))
    .sort((a, b) => compareNodes(a, b, language));
}

/** Children are known when as many have arrived as the node says it has. */
export function hasChildrenLoaded(index: NodeIndex, node: TreeNode): boolean {
  if (node.childCount === 0) return true;
  let found = 0;
  for (const other of index.values()) if (other.parentId === node.id) found += 1;
  return found >= node.childCount;
}
