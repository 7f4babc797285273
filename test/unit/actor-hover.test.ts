// Hover cards carry text from the corpus and actors.yaml: a malicious registry or article must not
// put a link, a command, an image or HTML into one. The card is rendered by a CommonMark parser
// (markdown-it, with HTML and autolinks on, the most permissive reading) and every link in it must
// be one the card builds itself: file:// to an article, Wikidata for a Q-id, http(s) from `links`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorSummary } from '../../server/src/core/actors/actor-index';
import { escapeMarkdown, linkOf, markedCard, registeredCard, rtl } from '../../server/src/lsp/actor-hover';

// markdown-it is a devDependency (it also comes with @vscode/vsce); it has no type declarations here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => Parser;
interface Parser {
  parse(src: string, env: object): Token[];
  validateLink(url: string): boolean;
}

/** markdown-it with HTML and autolinks on and no link filtered out: it shows every link a renderer could make. */
function permissive(): Parser {
  const parser = new MarkdownIt({ html: true, linkify: true });
  parser.validateLink = () => true;
  return parser;
}
interface Token {
  type: string;
  content: string;
  attrs: Array<[string, string]> | null;
  children: Token[] | null;
}

const EVIL = [
  '[x](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '`code` ``more``',
  '![i](https://evil.example/i.png)',
  '<command:workbench.action.quit>',
  'javascript:alert(1)',
  'https://evil.example/a',
  'www.evil.example',
  '**bold** _em_ ~~s~~',
  '&lt;b&gt; &#91;x&#93;(command:y)',
  'line\n\n# heading\n- item\n===',
  '[a]: command:ref\n[a]',
];

function summary(): ActorSummary {
  const actor = {
    id: 'ev`il[x](command:a.b)',
    name: `سالم ${EVIL[0]}`,
    type: 'person' as const,
    aliases: EVIL.slice(1, 6),
    variants: EVIL.slice(6),
    description: EVIL.join(' '),
    links: ['javascript:alert(1)', 'command:workbench.action.openSettings', 'Q42', 'https://example.org/a)b[d]\'"', 'https://example.org/<c>', 'https://ok.example/x y', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'Q1) [x](command:y'],
    entrySpan: { offset: 0, length: 0 },
    nameSpan: { offset: 0, length: 0 },
    ordinal: 0,
    registry: '/corpus/actors.yaml',
  };
  return {
    actor: actor as unknown as ActorSummary['actor'],
    mentions: 3,
    files: 2,
    spellings: [{ surface: EVIL[1], count: 2 }],
    companions: [{ actor: { ...actor, name: EVIL[4] } as unknown as ActorSummary['actor'], files: 1 }],
    firstFile: '/corpus/a)[x](command:evil) <img src=x>.txt',
    lastFile: '/corpus/`b`.txt',
  };
}

function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.children) walk(token.children, visit);
  }
}

/** Link targets, image tokens and HTML in the rendered card. */
function rendered(markdown: string): { links: string[]; images: number; html: string[] } {
  const parser = permissive();
  const result = { links: [] as string[], images: 0, html: [] as string[] };
  walk(parser.parse(markdown, {}), (token) => {
    if (token.type === 'link_open') result.links.push(token.attrs?.find(([name]) => name === 'href')?.[1] ?? '');
    if (token.type === 'image') result.images++;
    if (token.type === 'html_inline' || token.type === 'html_block') result.html.push(token.content);
  });
  return result;
}

describe('actor hover cards escape corpus text', () => {
  it('a malicious registry entry yields only the links the card builds', () => {
    const card = registeredCard(summary());
    const { links, images, html } = rendered(card);
    assert.equal(images, 0, card);
    assert.deepEqual(html, [], card);
    for (const link of links) assert.match(link, /^(file:\/\/\/corpus\/|https:\/\/www\.wikidata\.org\/wiki\/Q42$|https:\/\/(example\.org|ok\.example)\/)/, `unexpected link ${link} in\n${card}`);
    assert.equal(links.filter((l) => l.startsWith('file:')).length, 2, card);
    assert.ok(links.includes('https://www.wikidata.org/wiki/Q42'), card);
    assert.ok(!links.some((l) => /^(command|javascript|data|vscode):|evil\.example/i.test(l)), card);
    // One line per item: nothing in a value starts a heading, a list or a quote.
    assert.ok(!/\n\s*(#|=|-\s|>)/.test(card.split('\n').slice(2).join('\n').replace(/^ *- /gm, '')), card);
  });

  it('keeps the text of a malicious name readable, as text', () => {
    const parser = permissive();
    const text: string[] = [];
    walk(parser.parse(rtl(EVIL[0]), {}), (token) => {
      if (token.type === 'text') text.push(token.content);
    });
    assert.equal(text.join(''), `\u2067${EVIL[0]}\u2069`);
  });

  it('an id with backticks stays inside its code span', () => {
    const card = registeredCard(summary());
    const parser = permissive();
    const code: string[] = [];
    walk(parser.parse(card.split('\n')[0], {}), (token) => {
      if (token.type === 'code_inline') code.push(token.content);
    });
    assert.deepEqual(code, ['ev`il[x](command:a.b)']);
  });

  it('links: only Wikidata ids and http(s) URLs become links', () => {
    assert.equal(linkOf('Q42'), '[Q42](https://www.wikidata.org/wiki/Q42)');
    for (const link of ['javascript:alert(1)', 'command:workbench.action.reloadWindow', 'vscode://x', 'file:///etc/passwd', 'Q42 [x](command:y)', 'https://a.example/ x']) {
      assert.deepEqual(rendered(linkOf(link)).links, [], link);
    }
    assert.deepEqual(rendered(linkOf('https://a.example/p?q=(1)')).links, ['https://a.example/p?q=%281%29']);
  });

  it('a marked name from an article is escaped too', () => {
    const card = markedCard({ surface: '[سالم](command:workbench.action.quit) <img src=x>', type: 'person', mentions: 2, files: 1 });
    const { links, images, html } = rendered(card);
    assert.deepEqual([links, images, html], [[], 0, []], card);
  });

  it('escapes every Markdown punctuation character', () => {
    assert.equal(escapeMarkdown('a*b_c`d[e](f)<g>h:i&j~k\nl'), 'a\\*b\\_c\\`d\\[e\\]\\(f\\)\\<g\\>h\\:i\\&j\\~k l');
  });
});
