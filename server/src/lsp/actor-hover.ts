// The hover card of an actor, in Markdown. Arabic runs are wrapped in bidi isolates (RLI … PDI),
// so counts and punctuation next to them stay where they are written in a left-to-right card.
import * as path from 'node:path';
import type { ActorSummary } from '../core/actors/actor-index';
import type { MarkedName } from '../core/actors/discovered';
import { t } from './l10n';
import { pathToUri } from './uri';

const RLI = '\u2067';
const PDI = '\u2069';
const TYPE_LABELS: Record<string, () => string> = { person: () => t('person'), organization: () => t('organization'), place: () => t('place'), other: () => t('actor') };

/** Wraps right-to-left text in an isolate; Markdown-escapes it. */
export function rtl(text: string): string {
  return `${RLI}${escapeMarkdown(text)}${PDI}`;
}

export function registeredCard(summary: ActorSummary): string {
  const { actor } = summary;
  const lines: string[] = [`**${rtl(actor.name)}** · ${TYPE_LABELS[actor.type]()} · \`${escapeMarkdown(actor.id)}\``];
  if (actor.description) lines.push(rtl(actor.description));
  const facts: string[] = [];
  if (actor.aliases.length) facts.push(t('Aliases: {0}', actor.aliases.map(rtl).join(t(', '))));
  if (actor.variants.length) facts.push(t('Known variants: {0}', actor.variants.map(rtl).join(t(', '))));
  facts.push(`**${t('{0} in {1}', mentions(summary.mentions), articles(summary.files))}**`);
  if (summary.spellings.length) facts.push(t('Written: {0}', summary.spellings.map((s) => `×${s.count} ${rtl(s.surface)}`).join(t(', '))));
  if (summary.companions.length) facts.push(t('Often with: {0}', summary.companions.map((c) => `${rtl(c.actor.name)} (${articles(c.files)})`).join(t(', '))));
  if (summary.firstFile) {
    facts.push(summary.firstFile === summary.lastFile ? t('Only in {0}', fileLink(summary.firstFile)) : t('First in {0}, latest in {1}', fileLink(summary.firstFile), fileLink(summary.lastFile!)));
  }
  if (actor.links.length) facts.push(t('Links: {0}', actor.links.map(linkOf).join(t(', '))));
  return [...lines, '', ...facts.map((f) => `- ${f}`)].join('\n');
}

export function markedCard(name: MarkedName): string {
  return [
    `**${rtl(name.surface)}** · ${TYPE_LABELS[name.type]()} · ${t('not in actors.yaml')}`,
    '',
    `- ${t('Marked as a name {0} in {1} (after a title or a place noun)', t.plural(name.mentions, '{0} time', '{0} times'), articles(name.files))}`,
    `- ${t('Add it to actors.yaml to give it a canonical spelling, a description and corpus-wide rename')}`,
  ].join('\n');
}

function fileLink(file: string): string {
  return `[${escapeMarkdown(path.basename(file))}](${pathToUri(file)})`;
}

function linkOf(link: string): string {
  if (/^Q\d+$/.test(link)) return `[${link}](https://www.wikidata.org/wiki/${link})`;
  if (/^https?:\/\//.test(link)) return `<${link}>`;
  return escapeMarkdown(link);
}

function mentions(n: number): string {
  return t.plural(n, '{0} mention', '{0} mentions');
}

function articles(n: number): string {
  return t.plural(n, '{0} article', '{0} articles');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
