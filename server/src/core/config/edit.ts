// Edits to `nassaq.yaml` that keep the user's comments and layout.
import { isSeq, parseDocument, YAMLSeq } from 'yaml';

/** Returns the YAML text with `word` added to `accept`, or undefined when it cannot be done safely. */
export function addAcceptedWord(yamlText: string, word: string): string | undefined {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null) return `accept:\n  - ${JSON.stringify(word)}\n`;
  const current = doc.get('accept', true);
  if (current === undefined) {
    const list = new YAMLSeq();
    list.items.push(doc.createNode(word));
    doc.set('accept', list);
  } else if (isSeq(current)) {
    if (current.items.some((item) => String((item as { value?: unknown }).value) === word)) return yamlText;
    current.items.push(doc.createNode(word));
  } else {
    return undefined;
  }
  return doc.toString();
}
