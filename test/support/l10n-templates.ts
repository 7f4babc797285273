// Finds the message templates in the sources: every `t('…')`, `<x>.t('…')` and `t.plural(n, '…', '…')`
// call, read with the TypeScript parser; also vscode.l10n.t's object form `l10n.t({ message: '…',
// comment: '…' })` and, when asked for, plain counting functions (the client's `plural(n, '…', '…')`).
// A call whose template is not a literal is reported, since no catalog could be checked for it.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface TemplateUse {
  file: string;
  line: number;
  /** The English template (for a count, the `other` form). */
  template: string;
  /** For a count, the `one` form. */
  one?: string;
  /** vscode.l10n.t's comment (object form), joined: the bundle key is `template/comment`. */
  comment?: string;
}

export interface ScanOptions {
  /** Functions called as `name(count, one, other, …)`, besides `t.plural`. */
  pluralFunctions?: readonly string[];
}

export interface TemplateScan {
  uses: TemplateUse[];
  /** Calls whose template is not a string literal: `file:line  call`. */
  dynamic: string[];
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `t(...)`, `x.t(...)`, `t.plural(...)`, `x.t.plural(...)`; `calleeName` is `t` for vscode.l10n.t too. */
function kindOf(call: ts.CallExpression, pluralFunctions: readonly string[]): 'single' | 'plural' | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee) && pluralFunctions.includes(callee.text)) return 'plural';
  const isT = (node: ts.Expression) => (ts.isIdentifier(node) && node.text === 't') || (ts.isPropertyAccessExpression(node) && node.name.text === 't');
  if (isT(callee)) return 'single';
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'plural' && isT(callee.expression)) return 'plural';
  return undefined;
}

/** The template and comment of `{ message: '…', comment: '…' | ['…'] }`; undefined unless both are literals. */
function objectForm(node: ts.Node | undefined): { template: string; comment?: string } | undefined {
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  const property = (name: string) =>
    node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
  const template = literal(property('message'));
  const comment = property('comment');
  if (template === undefined) return undefined;
  if (comment === undefined) return { template };
  const parts = ts.isArrayLiteralExpression(comment) ? comment.elements.map((e) => literal(e)) : [literal(comment)];
  return parts.every((part) => part !== undefined) ? { template, comment: parts.join('') } : undefined;
}

export function scanTemplates(files: readonly string[], root: string, options: ScanOptions = {}): TemplateScan {
  const pluralFunctions = options.pluralFunctions ?? [];
  const uses: TemplateUse[] = [];
  const dynamic: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const kind = kindOf(node, pluralFunctions);
        if (kind) {
          const where = { file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
          if (kind === 'single') {
            const template = literal(node.arguments[0]);
            const object = template === undefined ? objectForm(node.arguments[0]) : { template };
            if (object === undefined) dynamic.push(`${where.file}:${where.line}  ${node.getText().slice(0, 80)}`);
            else uses.push({ ...where, ...object });
          } else {
            const one = literal(node.arguments[1]);
            const other = literal(node.arguments[2]);
            if (one === undefined || other === undefined) dynamic.push(`${where.file}:${where.line}  ${node.getText().slice(0, 80)}`);
            else uses.push({ ...where, template: other, one });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, dynamic };
}

/** The placeholders of a template, sorted: `{0}`, `{1}`… */
export function placeholders(template: string): string[] {
  return [...new Set(template.match(/\{\d+\}/g) ?? [])].sort();
}
