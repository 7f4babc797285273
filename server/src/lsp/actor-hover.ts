// The hover card of an actor, in Markdown. Arabic runs are wrapped in bidi isolates (RLI … PDI),
// so counts and punctuation next to them stay where they are written in a left-to-right card.
import * as path from 'node:path';
import type { ActorSummary } from '../core/actors/actor-index';
import type { MarkedName } from '../core/actors/discovered';
import { pathToUri } from './uri';

const RLI = '\u2067';
const PDI = '\u2069';
const TYPE_LABELS: Record<string, string> = { person: 'person', organization: 'organization', place: 'place', other: 'actor' };

/** Wraps right-to-left text in an isolate; Markdown-escapes it. */
export function rtl(text: string): string {
  return `${RLI}${escapeMarkdown(text)}${PDI}`;
}

export function registeredCard(summary: ActorSummary): string {
  const { actor } = summary;
  const lines: string[] = [`**${rtl(actor.name)}** · ${TYPE_LABELS[actor.type]} · \`${escapeMarkdown(actor.id)}\``];
  if (actor.description) lines.push(rtl(actor.description));
  const facts: string[] = [];
  if (actor.aliases.length) facts.push(`Aliases: ${actor.aliases.map(rtl).join(', ')}`);
  if (actor.variants.length) facts.push(`Known variants: ${actor.variants.map(rtl).join(', ')}`);
  facts.push(`**${plural(summary.mentions, 'mention')} in ${plural(summary.files, 'article')}**`);
  if (summary.spellings.length) facts.push(`Written: ${summary.spellings.map((s) => `${rtl(s.surface)} ×${s.count}`).join(', ')}`);
  if (summary.companions.length) facts.push(`Often with: ${summary.companions.map((c) => `${rtl(c.actor.name)} (${plural(c.files, 'article')})`).join(', ')}`);
  if (summary.firstFile) {
    facts.push(summary.firstFile === summary.lastFile ? `Only in ${fileLink(summary.firstFile)}` : `First in ${fileLink(summary.firstFile)}, latest in ${fileLink(summary.lastFile!)}`);
  }
  if (actor.links.length) facts.push(`Links: ${actor.links.map(linkOf).join(', ')}`);
  return [...lines, '', ...facts.map((f) => `- ${f}`)].join('\n');
}

export function markedCard(name: MarkedName): string {
  return [
    `**${rtl(name.surface)}** · ${TYPE_LABELS[name.type]} · not in actors.yaml`,
    '',
    `- Marked as a name ${plural(name.mentions, 'time')} in ${plural(name.files, 'article')} (after a title or a place noun)`,
    '- Add it to actors.yaml to give it a canonical spelling, a description and corpus-wide rename',
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

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
