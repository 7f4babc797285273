// Editor-behaviour settings (`nassaq.*` in VS Code), asked per document and sanitised at the boundary.
// Corpus rules live in nassaq.yaml, not here.
import type { Connection } from 'vscode-languageserver';

export interface EditorSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Which files the Problems panel lists: open ones, or every article of the workspace. */
  diagnosticsScope: 'open' | 'workspace';
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, run: 'onType', diagnosticsScope: 'open' };

export class SettingsCache {
  private readonly cache = new Map<string, Promise<EditorSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly clientAsks: () => boolean,
  ) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.clientAsks()) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'nassaq' })
        .then(sanitize, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

function sanitize(raw: unknown): EditorSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    diagnosticsScope: (value.diagnostics as Record<string, unknown> | undefined)?.scope === 'workspace' ? 'workspace' : 'open',
  };
}
