// The corpus configuration read from `nassaq.yaml`. The same object drives the editor and the CLI.
import type { SeveritySetting } from '../rules/rule';

export interface RuleSetting {
  severity?: SeveritySetting;
  options: Readonly<Record<string, string>>;
}

export interface NassaqConfig {
  /** Globs, relative to the folder holding `nassaq.yaml`, of the files that are articles. */
  include: readonly string[];
  exclude: readonly string[];
  /** Per-rule overrides; a rule with no entry runs at its default severity and options. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Words the linter leaves alone, compared on their surface key (diacritics and tatweel ignored). */
  accept: readonly string[];
  /** Path of the actor registry, relative to the folder holding `nassaq.yaml`. */
  actors: string;
  /** Articles larger than this many bytes are skipped (`max-file-size`); unset: the default (20 MB). */
  maxFileSize?: number;
}

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.txt'];
export const DEFAULT_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.*/**'];

export const DEFAULT_CONFIG: NassaqConfig = {
  include: DEFAULT_INCLUDE,
  exclude: DEFAULT_EXCLUDE,
  rules: {},
  accept: [],
  actors: 'actors.yaml',
};

export const CONFIG_FILE_NAME = 'nassaq.yaml';
