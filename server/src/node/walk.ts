// Lists the files under a folder, as the CLI and the server both look for articles: no symlinked
// folder is entered (nothing outside the tree is walked), no node_modules, no dot-folders such as
// .git. Symbolic links to files are listed apart: the caller reads them only if they resolve
// inside the tree (readArticle's `within`), and otherwise reports them as skipped.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';

const SKIPPED_FOLDERS = (name: string): boolean => name === 'node_modules' || name.startsWith('.');

export interface WalkResult {
  /** Regular files: paths relative to the walked folder, with forward slashes. */
  files: string[];
  /** Symbolic links (to files, to folders, dangling or looping), relative the same way; never entered. */
  links: string[];
}

/** Regular files under `dir`, relative to it with forward slashes (symbolic links left out). */
export async function walkFiles(dir: string): Promise<string[]> {
  return (await walkTree(dir)).files;
}

/** Regular files and symbolic links under `dir`. */
export async function walkTree(dir: string): Promise<WalkResult> {
  const result: WalkResult = { files: [], links: [] };
  await walkFolder(path.resolve(dir), '', result);
  result.files.sort();
  result.links.sort();
  return result;
}

async function walkFolder(absolute: string, relative: string, result: WalkResult): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(absolute, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing under it is listed
  }
  const folders: Array<Promise<void>> = [];
  for (const entry of entries) {
    const name = entry.name;
    const child = relative ? `${relative}/${name}` : name;
    if (entry.isSymbolicLink()) result.links.push(child);
    else if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS(name)) folders.push(walkFolder(path.join(absolute, name), child, result));
    } else if (entry.isFile()) result.files.push(child);
  }
  await Promise.all(folders);
}
