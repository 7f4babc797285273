// The client's messages go through vscode.l10n.t: English templates, translated by
// l10n/bundle.l10n.<language>.json when VS Code's display language has a bundle (see README,
// "Languages"). Counts go through `plural` below. Templates are literals at each call, so
// test/unit/l10n-client.test.ts can check that the Arabic bundle has every one of them.
import { env, l10n } from 'vscode';
import { pluralMessage } from './plural';

/** A counted phrase: `plural(n, '{0} problem', '{0} problems')`; `{0}` is `n` (grouped: 12,000), `{1}`… the rest. */
export function plural(count: number, one: string, other: string, ...args: ReadonlyArray<string | number>): string {
  const { message, comment } = pluralMessage(l10n.bundle, env.language, count, one, other);
  const all = [count.toLocaleString('en'), ...args];
  return comment === undefined ? l10n.t(message, ...all) : l10n.t({ message, args: all, comment });
}
