// The hover card of an actor, in Markdown. Arabic runs are wrapped in bidi isolates (RLI … PDI),
// so counts and punctuation next to them stay where they are written in a left-to-right card.
//
// Everything from the corpus or actors.yaml (names, aliases, variants, descriptions, ids, file
// names, links) is untrusted: it is Markdown-escaped (no emphasis, link, image, HTML, autolink or
// heading can be written into a card) and folded onto one line. The only links a card holds are
// built here: file:// links to articles (URI-encoded by vscode-uri), Wikidata pages for a Q-id,
// and http(s) URLs that parse as such, percent-encoded. A `command:` or `javascript:` link in
// actors.yaml stays text. The card goes out as plain MarkupContent, which VS Code renders as an
// untrusted MarkdownString (isTrusted false: command links are not run; supportHtml false: HTML
// is not rendered); the client also sets `markdown: { isTrusted: false, supportHtml: false }`.
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
  const lines: string[] = [`**${rtl(actor.name)}** · ${TYPE_LABELS[actor.type]()} · ${codeSpan(actor.id)}`];
  if (actor.description) lines.push('', rtl(actor.description));
  // One Arabic run per line: VS Code's hover drops the isolates, and two Arabic runs with only
  // commas and counts between them would be read as one right-to-left run and reordered.
  const facts: string[] = [];
  if (actor.aliases.length) facts.push(list(t('Aliases:'), actor.aliases.map(rtl)));
  if (actor.variants.length) facts.push(list(t('Known variants:'), actor.variants.map(rtl)));
  facts.push(`**${t('{0} in {1}', mentions(summary.mentions), articles(summary.files))}**`);
  if (summary.spellings.length) facts.push(list(t('Written:'), summary.spellings.map((s) => `×${s.count} ${rtl(s.surface)}`)));
  if (summary.companions.length) facts.push(list(t('Often with:'), summary.companions.map((c) => `${articles(c.files)}: ${rtl(c.actor.name)}`)));
  if (summary.firstFile) {
    facts.push(summary.firstFile === summary.lastFile ? t('Only in {0}', fileLink(summary.firstFile)) : t('First in {0}, latest in {1}', fileLink(summary.firstFile), fileLink(summary.lastFile!)));
  }
  if (actor.links.length) facts.push(t('Links: {0}', actor.links.map(linkOf).join(t(', '))));
  return [...lines, '', ...facts.map((f) => `- ${f}`)].join('\n');
}

/** A heading and its items, one per nested list line. */
function list(heading: string, items: readonly string[]): string {
  return [heading, ...items.map((item) => `    - ${item}`)].join('\n');
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

/** A Wikidata id or an http(s) URL becomes a link; anything else (command:, javascript:, file:…) is text. */
export function linkOf(link: string): string {
  if (/^Q\d{1,12}$/.test(link)) return `[${link}](https://www.wikidata.org/wiki/${link})`;
  const url = webUrl(link);
  if (url) return `[${escapeMarkdown(link)}](<${url}>)`;
  return escapeMarkdown(link);
}

/** The URL, serialized (percent-encoded), when `link` is exactly an http(s) URL; otherwise undefined. */
function webUrl(link: string): string | undefined {
  if (!/^https?:\/\/[^\s<>]+$/i.test(link)) return undefined;
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // Characters that could end the destination or the link, encoded even where URL leaves them.
    return url.href.replace(/[<>()[\]\\ `"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}

/** An inline code span that holds `text` verbatim: the fence is longer than any run of backticks in it. */
function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function mentions(n: number): string {
  return t.plural(n, '{0} mention', '{0} mentions');
}

function articles(n: number): string {
  return t.plural(n, '{0} article', '{0} articles');
}

/** Backslash-escapes every ASCII punctuation character Markdown (CommonMark, GFM) gives a meaning to, on one line. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+\-.!|<>~:&=$%"']/g, '\\$&');
}

/** Line breaks would start new Markdown blocks (lists, headings, quotes): a card item stays on one line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
