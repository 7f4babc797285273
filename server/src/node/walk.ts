// Lists the files under a folder, as the CLI and the server both look for articles: no symlinks
// followed (nothing outside the tree is read), no node_modules, no dot-folders such as .git.
// require() so that esbuild bundles tinyglobby's CommonJS build: its ES build relies on import.meta.url.
import tinyglobby = require('tinyglobby');

const WALK_IGNORE = ['**/node_modules/**', '**/.*/**'];

/** Paths relative to `dir`, with forward slashes. */
export function walkFiles(dir: string): Promise<string[]> {
  return tinyglobby.glob(['**/*'], {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: WALK_IGNORE,
  });
}
