// Decides which files are articles, from include/exclude globs relative to the config root.
import picomatch from 'picomatch';
import type { NassaqConfig } from './config';

export type ArticleMatcher = (relativePath: string) => boolean;

/** `relativePath` uses forward slashes and is relative to the folder of nassaq.yaml. */
export function articleMatcher(config: NassaqConfig): ArticleMatcher {
  const options = { dot: true };
  const included = picomatch([...config.include], options);
  const excluded = config.exclude.length > 0 ? picomatch([...config.exclude], options) : () => false;
  return (relativePath) => !relativePath.startsWith('../') && included(relativePath) && !excluded(relativePath);
}
