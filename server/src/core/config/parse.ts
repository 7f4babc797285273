// Parses and validates `nassaq.yaml` text. Never throws: returns the configuration it could
// read and the problems it found, each at an offset in the YAML text.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { english, type Translate } from '../l10n';
import type { Rule, SeveritySetting } from '../rules/rule';
import { flowTooDeep, MAX_FLOW_DEPTH } from './yaml-limits';
import { DEFAULT_CONFIG, type NassaqConfig, type RuleSetting } from './config';
import { parseSize } from './size';

export interface ConfigProblem {
  offset: number;
  length: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedConfig {
  config: NassaqConfig;
  problems: ConfigProblem[];
  /** False when the YAML could not be parsed or the problems make the file unusable. */
  usable: boolean;
  /** Where the `actors` value is written, for a problem found later (a path leaving the corpus). */
  actorsSpan?: { offset: number; length: number };
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
const TOP_LEVEL_KEYS = ['include', 'exclude', 'rules', 'accept', 'actors', 'max-file-size'];
const MAX_CONFIG_LENGTH = 1_000_000;

/** Problems are worded by `t` (English by default); YAML syntax errors keep the parser's English. */
export function parseConfig(text: string, rules: readonly Rule[], t: Translate = english): ParsedConfig {
  const problems: ConfigProblem[] = [];
  if (text.length > MAX_CONFIG_LENGTH) {
    return { config: DEFAULT_CONFIG, usable: false, problems: [{ offset: 0, length: 0, severity: 'error', message: t('nassaq.yaml is larger than {0} characters', MAX_CONFIG_LENGTH) }] };
  }
  const deep = flowTooDeep(text);
  if (deep !== undefined) {
    return { config: DEFAULT_CONFIG, usable: false, problems: [{ offset: deep, length: 1, severity: 'error', message: t('Brackets nested more than {0} levels deep', MAX_FLOW_DEPTH) }] };
  }
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
  for (const error of doc.errors) {
    problems.push({ offset: error.pos[0], length: Math.max(1, error.pos[1] - error.pos[0]), severity: 'error', message: error.message.split('\n')[0] });
  }
  if (doc.errors.length > 0) return { config: DEFAULT_CONFIG, problems, usable: false };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: DEFAULT_CONFIG, problems, usable: true };
  if (!isMap(root)) {
    problems.push({ ...span(root), severity: 'error', message: t('nassaq.yaml must be a mapping with keys {0}', TOP_LEVEL_KEYS.join(', ')) });
    return { config: DEFAULT_CONFIG, problems, usable: false };
  }
  const reader = new ConfigReader(problems, rules, t);
  const config: NassaqConfig = {
    include: reader.stringList(root, 'include') ?? DEFAULT_CONFIG.include,
    exclude: reader.stringList(root, 'exclude') ?? DEFAULT_CONFIG.exclude,
    rules: reader.ruleSettings(root),
    accept: reader.stringList(root, 'accept') ?? [],
    actors: reader.path(root, 'actors') ?? DEFAULT_CONFIG.actors,
  };
  for (const key of ['include', 'exclude']) reader.warnLeavingGlobs(root, key);
  const actorsNode = root.get('actors', true) as Node | undefined;
  const maxFileSize = reader.size(root, 'max-file-size');
  if (maxFileSize !== undefined) config.maxFileSize = maxFileSize;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_LEVEL_KEYS.includes(key)) {
      problems.push({ ...span(pair.key as Node), severity: 'warning', message: t("Unknown key '{0}'; expected one of {1}", key, TOP_LEVEL_KEYS.join(', ')) });
    }
  }
  return { config, problems, usable: !problems.some((p) => p.severity === 'error'), ...(actorsNode ? { actorsSpan: span(actorsNode) } : {}) };
}

function span(node: Node | null | undefined): { offset: number; length: number } {
  const range = node?.range;
  if (!range) return { offset: 0, length: 0 };
  return { offset: range[0], length: Math.max(1, range[1] - range[0]) };
}

class ConfigReader {
  constructor(
    private readonly problems: ConfigProblem[],
    private readonly rules: readonly Rule[],
    private readonly t: Translate,
  ) {}

  private error(node: Node | null | undefined, message: string): void {
    this.problems.push({ ...span(node), severity: 'error', message });
  }

  stringList(map: YAMLMap, key: string): string[] | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return [node.value];
    if (!isSeq(node)) {
      this.error(node, this.t("'{0}' must be a list of strings", key));
      return undefined;
    }
    const values: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) values.push(String(item.value));
      else this.error(item as Node, this.t("'{0}' entries must be strings", key));
    }
    return values;
  }

  /** Globs are relative to nassaq.yaml and never match outside its folder: say so for `..` and absolute ones. */
  warnLeavingGlobs(map: YAMLMap, key: string): void {
    const node = map.get(key, true) as Node | undefined;
    const items = isSeq(node) ? node.items : node !== undefined ? [node] : [];
    for (const item of items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const glob = item.value.replace(/^!/, '');
      if (/^(?:[\\/]|[A-Za-z]:)/.test(glob) || /(?:^|[\\/])\.\.(?:[\\/]|$)/.test(glob)) {
        this.problems.push({ ...span(item as Node), severity: 'warning', message: this.t("'{0}' never matches: {1} patterns are relative to the folder of nassaq.yaml and cannot leave it", item.value, key) });
      }
    }
  }

  path(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    this.error(node, this.t("'{0}' must be a file path, relative to nassaq.yaml", key));
    return undefined;
  }

  size(map: YAMLMap, key: string): number | undefined {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    const bytes = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? parseSize(node.value) : undefined;
    if (bytes === undefined) this.error(node, this.t("'{0}' must be a number of bytes, or a size such as 512K, 5MB or 1G", key));
    return bytes;
  }

  ruleSettings(map: YAMLMap): Record<string, RuleSetting> {
    const node = map.get('rules', true) as Node | undefined;
    const settings: Record<string, RuleSetting> = {};
    if (node === undefined || (isScalar(node) && node.value === null)) return settings;
    if (!isMap(node)) {
      this.error(node, this.t("'rules' must map rule ids to a severity or to { severity, options… }"));
      return settings;
    }
    for (const pair of node.items) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      const rule = this.rules.find((r) => r.id === id);
      if (!rule) {
        this.error(pair.key as Node, this.t("Unknown rule '{0}'. Known rules: {1}", id, this.rules.map((r) => r.id).join(', ')));
        continue;
      }
      const setting = this.ruleSetting(rule, pair.value as Node | null);
      if (setting) settings[id] = setting;
    }
    return settings;
  }

  private ruleSetting(rule: Rule, value: Node | null): RuleSetting | undefined {
    if (isScalar(value)) {
      const severity = this.severity(value);
      return severity ? { severity, options: {} } : undefined;
    }
    if (!isMap(value)) {
      this.error(value, this.t("'{0}' takes a severity ({1}) or a mapping", rule.id, SEVERITIES.join(', ')));
      return undefined;
    }
    const setting: { severity?: SeveritySetting; options: Record<string, string> } = { options: {} };
    for (const pair of value.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const item = pair.value as Node | null;
      if (key === 'severity') {
        setting.severity = isScalar(item) ? this.severity(item) : undefined;
        continue;
      }
      const spec = rule.options?.[key];
      if (!spec) {
        const known = Object.keys(rule.options ?? {});
        this.error(pair.key as Node, known.length ? this.t("Rule '{0}' has no option '{1}'; options: severity, {2}", rule.id, key, known.join(', ')) : this.t("Rule '{0}' has no option '{1}'; it only takes severity", rule.id, key));
        continue;
      }
      const text = isScalar(item) ? String(item.value) : undefined;
      if (text === undefined || !spec.values.includes(text)) {
        this.error(item, this.t("'{0}' of '{1}' must be one of: {2}", key, rule.id, spec.values.join(', ')));
        continue;
      }
      setting.options[key] = text;
    }
    return setting;
  }

  private severity(node: Node): SeveritySetting | undefined {
    const value = isScalar(node) ? String(node.value) : '';
    if ((SEVERITIES as readonly string[]).includes(value)) return value as SeveritySetting;
    this.error(node, this.t('Severity must be one of: {0}', SEVERITIES.join(', ')));
    return undefined;
  }
}
