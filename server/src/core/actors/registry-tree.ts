// The YAML of actors.yaml as a small tree of nodes with their ranges, which registry.ts reads
// actors from. The `yaml` library builds it for any text and words the syntax errors;
// registry-fast.ts builds the same tree several times faster for ordinary registries.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** `start` and `end` are the `yaml` library's range[0] and range[1]: the value, without a trailing comment. */
interface Ranged {
  start: number;
  end: number;
}

export interface TreeScalar extends Ranged {
  kind: 'scalar';
  /** As the YAML 1.2 core schema reads it: a string, number, boolean or null. */
  value: unknown;
  /** Single- or double-quoted. */
  quoted: boolean;
}

export interface TreePair {
  key: TreeNode | null;
  value: TreeNode | null;
}

export interface TreeMap extends Ranged {
  kind: 'map';
  pairs: TreePair[];
}

export interface TreeSeq extends Ranged {
  kind: 'seq';
  items: Array<TreeNode | null>;
}

export interface TreeAlias extends Ranged {
  kind: 'alias';
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq | TreeAlias;

export interface YamlError {
  offset: number;
  length: number;
  message: string;
}

/** The document's root (null when empty), or its syntax errors. */
export type ReadTree = { root: TreeNode | null } | { errors: YamlError[] };

/** Reads any text with the `yaml` library; duplicate keys are errors. */
export function readYamlTree(text: string): ReadTree {
  // The LineCounter makes the library append "at line L, column C" to its messages.
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((error) => ({
        offset: error.pos[0],
        length: Math.max(1, error.pos[1] - error.pos[0]),
        message: error.message.split('\n')[0],
      })),
    };
  }
  return { root: toTree(doc.contents) };
}

function toTree(node: unknown): TreeNode | null {
  if (isScalar(node)) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return { kind: 'scalar', value: node.value, quoted, ...ranged(node.range) };
  }
  if (isMap(node)) {
    const pairs = node.items.map((pair) => ({ key: toTree(pair.key), value: toTree(pair.value) }));
    return { kind: 'map', pairs, ...ranged(node.range) };
  }
  if (isSeq(node)) {
    return { kind: 'seq', items: node.items.map(toTree), ...ranged(node.range) };
  }
  if (isAlias(node)) return { kind: 'alias', ...ranged(node.range) };
  return null;
}

// A composed node always has a range.
function ranged(range: readonly number[] | null | undefined): Ranged {
  return { start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
}
