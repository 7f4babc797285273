// actor-spelling: a name spelled differently from the rest of the corpus: hamza and alef forms
// (ايمانويل / إيمانويل), hamza seats (فائز / فايز), final maqsura/yeh and ta marbuta/heh, a dropped
// final ta marbuta (غسان سلام), عبد/أبو compounds joined or spaced (عبد المجيد / عبدالمجيد). The
// canonical spelling is the registry's, else the corpus majority (tie rule: spellings.ts).
// Transliteration differences of foreign names (ترمب / ترامب, بوتن / بوتين) are a kind of their own,
// reported as information with a fix applied only by hand: they may be an outlet's house style.
// Left alone: words that are not shown to be names (على / علي, الى / إلى, الامم / الأمم are
// common-word spelling, not actor spelling); diacritics and tatweel alone (their own rules).
import { NameAnalyzer, NameLexicon, nameRegistry, type NameSettings, type VariantMention } from '../corpus/name-groups';
import { isPlaceNounForm, nameContext } from '../corpus/names';
import { arabicWords } from '../text/arabic-words';
import { bump, type CorpusFacet, type FileInput } from '../corpus/facet';
import { addCounterTable, exportCounterTables, type CounterTables, type StatsChunk } from '../corpus/facet';
import { findMentions, replaceWords } from '../corpus/spellings';
import { registryFindings } from '../actors/registry-findings';
import type { ChangeSet } from '../corpus/change-set';
import type { Translate } from '../l10n';
import type { RelatedSpan, Rule, RuleFinding } from './rule';

/** Per file: occurrences in name positions (after titles, بن, آل…), by fold key and by surface key. */
export interface NameData {
  readonly folds: ReadonlyMap<string, number>;
  readonly surfaces: ReadonlyMap<string, number>;
}

export class NameStats {
  readonly named = new Map<string, number>();
  /** The same by surface key, so one spelling's own use can be told from its group's (احمد, أحمد). */
  readonly namedSurfaces = new Map<string, number>();
  /** Bumped on every change, so cached spelling counts are dropped when the corpus moves. */
  version = 0;
  /** Net changes, for caches that follow them (set by CorpusIndex for an index whose files may change). */
  changes: ChangeSet | undefined = undefined;
}

export const nameFacet: CorpusFacet<NameData, NameStats> = {
  id: 'actor-spelling',
  collect: collectNames,
  createStats: () => new NameStats(),
  add: (stats, data) => apply(stats, data, 1),
  remove: (stats, data) => apply(stats, data, -1),
  exportStats: (stats) => exportCounterTables(stats, NAME_TABLES),
  addStats: addNameStats,
};

function apply(stats: NameStats, data: NameData, sign: 1 | -1): void {
  for (const [key, count] of data.folds) {
    stats.changes?.name(key, sign * count);
    bump(stats.named, key, sign * count);
  }
  for (const [key, count] of data.surfaces) bump(stats.namedSurfaces, key, sign * count);
  stats.version++;
}

function collectNames({ words }: FileInput): NameData {
  const folds = new Map<string, number>();
  const surfaces = new Map<string, number>();
  const { marked } = nameContext(words);
  for (const w of marked) {
    const form = words.forms[w];
    bump(folds, form.fold, 1);
    // A spelling's own count is a person's: after a place noun (منطقة مرسى) a word names a place.
    if (w === 0 || !isPlaceNounForm(words.forms[w - 1])) bump(surfaces, form.surface, 1);
  }
  return { folds, surfaces };
}

const RELATED_LIMIT = 3;

export interface ActorSpellingOptions {
  /** Canonical spellings of known actors (the actor registry); they win over the corpus majority. */
  registry?: Iterable<string>;
}

/** The rule, with an optional actor registry whose names are canonical. */
export function createActorSpelling(options: ActorSpellingOptions = {}): Rule {
  const registry = nameRegistry(options.registry ?? []);
  return {
    id: 'actor-spelling',
    describe: (t) => t('A name written in a different spelling from the rest of the corpus (فائز السراج for فايز السراج).'),
    defaultSeverity: 'warning',
    fixable: true,
    facet: nameFacet,
    options: {
      'name-share': {
        describe: (t) =>
          t("Share of a word's mentions that stand in name positions (after a title, بن, آل) for it to count as a name next to another name word; a word standing alone needs 1.5 times as much."),
        values: ['0.1', '0.2', '0.3', '0.5'],
        default: '0.2',
      },
      'foreign-letters': {
        describe: (t) => t('Letters a word the dictionary lacks in every spelling needs to be compared as a foreign name on its own.'),
        values: ['4', '5', '6', '7'],
        default: '5',
      },
      compounds: {
        describe: (t) => t("Whether عبد/أبو compounds written joined in some places and spaced in others are reported ('report') or not ('ignore')."),
        values: ['report', 'ignore'],
        default: 'report',
      },
      transliteration: {
        describe: (t) =>
          t("Whether a foreign name in a rarer transliteration (ترمب for ترامب, بوتن for بوتين) is reported ('report', as information, with a fix applied only by hand) or not ('ignore')."),
        values: ['report', 'ignore'],
        default: 'report',
      },
    },
    check({ text, tokens, options, corpus, t }) {
      // The registry governing this corpus (CorpusView.actors) names canonical spellings and
      // wrong ones; without one, the registry given to createActorSpelling (tests) applies.
      const actors = corpus.actors;
      const settings: NameSettings = {
        nameShare: Number(options['name-share'] ?? 0.2),
        foreignLetters: Number(options['foreign-letters'] ?? 5),
        transliteration: options.transliteration !== 'ignore',
        registry: actors ? registryOf(actors.names) : registry,
      };
      const analyzer = new NameAnalyzer(new NameLexicon(corpus, corpus.stats(nameFacet), settings));
      const words = arabicWords(text);
      const mentions = analyzer.variants(tokens, words).filter((m) => m.group.kind !== 'compound' || options.compounds !== 'ignore');
      // Mentions of the canonical spellings in this file, found in one pass, become related spans.
      const canonicals = [...new Set(mentions.map((m) => m.shownCanonical))];
      const spans = new Map<string, RelatedSpan[]>();
      for (const found of findMentions(tokens, canonicals)) {
        const surface = canonicals[found.surface];
        const list = spans.get(surface) ?? [];
        if (list.length < RELATED_LIMIT) list.push({ offset: found.offset, length: found.length, message: t('"{0}" here', surface) });
        spans.set(surface, list);
      }
      const fromRegistry = actors ? registryFindings(text, words, actors, corpus.dictionary, t) : [];
      const inRegistryFinding = (f: RuleFinding) => fromRegistry.some((r) => r.offset < f.offset + f.length && f.offset < r.offset + r.length);
      return [...fromRegistry, ...mentions.map((m) => toFinding(m, spans.get(m.shownCanonical) ?? [], t)).filter((f) => !inRegistryFinding(f))];
    },
  };
}

const registries = new WeakMap<readonly string[], ReturnType<typeof nameRegistry>>();

/** The name registry of a list of canonical names, built once per list. */
function registryOf(names: readonly string[]): ReturnType<typeof nameRegistry> {
  let registry = registries.get(names);
  if (!registry) registries.set(names, (registry = nameRegistry(names)));
  return registry;
}

export const actorSpelling: Rule = createActorSpelling();

function toFinding(mention: VariantMention, related: RelatedSpan[], t: Translate): RuleFinding {
  const { group } = mention;
  const canonical = group.forms.find((f) => f.surface === group.canonical);
  const total = group.forms.reduce((sum, f) => sum + f.mentions, 0);
  const files = canonical?.files ?? 0;
  const where = group.kind === 'registry' ? t('in the actor registry') : t('in {0} of {1} mentions across {2}', canonical?.mentions ?? 0, total, t.plural(files, '{0} file', '{0} files'));
  return {
    offset: mention.offset,
    length: mention.length,
    message: t('"{0}" is written "{1}" {2}', mention.shown, mention.shownCanonical, where),
    word: mention.shown,
    // Another transliteration may be an outlet's house style: information, fixed only by hand.
    ...(group.kind === 'transliteration' ? { severity: 'info' as const, unsafeFixReason: t('another transliteration, which may be house style') } : {}),
    fixes: [{ title: t('Write "{0}"', mention.shownCanonical), edits: replaceWords(mention.tokens, mention.clitic, mention.from, mention.to) }],
    // Every other spelling of the group, for "fix all spellings of <name> in the workspace".
    corpusFix: { name: group.canonical, canonical: group.canonical, variants: group.forms.map((f) => f.surface).filter((s) => s !== group.canonical) },
    ...(related.length ? { related } : {}),
  };
}

// ---- exported statistics: both maps are sums of per-file counts ----

const NAME_TABLES: CounterTables<NameStats> = { named: (stats) => stats.named, surfaces: (stats) => stats.namedSurfaces };

function addNameStats(stats: NameStats, chunk: StatsChunk): void {
  stats.changes?.everything();
  addCounterTable(stats, NAME_TABLES, chunk);
  // Not a sum but a cache key: bumped, so NameLexicon drops the spellings it computed before.
  stats.version++;
}
