// What the actor registry says about a text: a mention written as a listed wrong spelling, or in
// another spelling of the registry name (hamza, maqsura, ta marbuta, a compound joined or spaced),
// is a finding fixed to the registry's spelling. Used by the actor-spelling rule, where the
// registry's name is always the canonical form.
import { isFunctionWord } from '../corpus/names';
import type { Translate } from '../l10n';
import type { Dictionary } from '../lexicon/dictionary';
import type { RuleFinding } from '../rules/rule';
import type { ArabicWords } from '../text/arabic-words';
import type { RegistryView } from './actor-index';
import { mentionRewrite } from './registry-edit';

export function registryFindings(text: string, words: ArabicWords, registry: RegistryView, dictionary: Dictionary, t: Translate): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const mention of registry.otherSpellings(text, words)) {
    // An unlisted spelling of a one-word name that is itself a word (على for the name علي) is that word.
    const single = !mention.surface.includes(' ');
    if (mention.form === 'spelling' && single && (isFunctionWord(mention.surface) || dictionary.has(mention.surface))) continue;
    const canonical = mention.form === 'variant' ? mention.name : (mention.spelling ?? mention.name);
    const edit = mentionRewrite(text, mention, canonical);
    if (!edit) continue;
    findings.push({
      offset: mention.offset,
      length: mention.length,
      message: t('"{0}" is written "{1}" {2}', mention.surface, canonical, t('in the actor registry')),
      word: mention.surface,
      fixes: [{ title: t('Write "{0}"', canonical), edits: [edit] }],
      corpusFix: { name: mention.name, canonical, variants: [mention.surface] },
    });
  }
  return findings;
}
