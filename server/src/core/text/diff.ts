// The smallest single replacement that turns one text into another: how whole-file fixes are
// sent to an editor without replacing (and scrolling) the whole document.
import { isHighSurrogate, isLowSurrogate } from './chars';
import type { TextEdit } from '../rules/rule';

export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const maxPrefix = Math.min(before.length, after.length);
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair or a CRLF.
  while (prefix > 0 && (isHighSurrogate(before.charCodeAt(prefix - 1)) || (before.charCodeAt(prefix - 1) === 0x0d && before.charCodeAt(prefix) === 0x0a))) prefix--;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (suffix < maxSuffix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  while (suffix > 0 && (isLowSurrogate(before.charCodeAt(before.length - suffix)) || (before.charCodeAt(before.length - suffix) === 0x0a && before.charCodeAt(before.length - suffix - 1) === 0x0d))) suffix--;
  return { offset: prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}
