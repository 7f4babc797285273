// Replaces a file's content atomically: the new content goes to a temporary file in the same
// folder, is flushed to disk, takes the original's permissions and is renamed over the original.
// Readers see either the old or the new content, never a half-written file.
import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync, type Stats } from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Runs after the temporary file is on disk, just before the rename. Returning false abandons
   * the write (the temporary file is removed and the original left alone).
   */
  beforeRename?: () => Promise<boolean>;
}

/** Temporary files being written, so that an interrupted process can remove them. */
const pending = new Set<string>();

/** Removes the temporary files of writes still under way; for SIGINT/SIGTERM handlers. */
export function removePendingTempFiles(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/** Writes `content` over `file`. Returns false only when `beforeRename` vetoed the write. */
export async function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<boolean> {
  // Write through a symbolic link to its target rather than replacing the link by a file.
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  const original = await fs.stat(target).catch(() => undefined);
  const temp = tempNameFor(target);
  pending.add(temp);
  try {
    await writeTemp(temp, content, original);
    if (options.beforeRename && !(await options.beforeRename())) {
      await removeQuietly(temp);
      return false;
    }
    await fs.rename(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  } finally {
    pending.delete(temp);
  }
  await syncDirectory(path.dirname(target));
  return true;
}

const TEMP_NAME = /^\..+\.nassaq-(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temporary files a killed run left in these folders: named like ours, of a process
 * that no longer runs. Another running process's files are left alone.
 */
export async function removeStaleTempFiles(dirs: Iterable<string>): Promise<number> {
  let removed = 0;
  for (const dir of new Set(dirs)) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = TEMP_NAME.exec(name)?.[1];
      if (pid === undefined || isRunning(Number(pid))) continue;
      if (await fs.unlink(path.join(dir, name)).then(() => true, () => false)) removed++;
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

/** `.<name>.nassaq-<pid>-<random>.tmp` next to `file`. */
export function tempNameFor(file: string): string {
  const random = randomBytes(6).toString('hex');
  return path.join(path.dirname(file), `.${path.basename(file)}.nassaq-${process.pid}-${random}.tmp`);
}

async function writeTemp(temp: string, content: string | Uint8Array, original: Stats | undefined): Promise<void> {
  const mode = original ? original.mode & 0o7777 : 0o666;
  // 'wx' fails rather than following a planted file or link of the same name.
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    if (original) await keepOwnership(handle, original);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function keepOwnership(handle: fs.FileHandle, original: Stats): Promise<void> {
  if (process.platform !== 'win32' && (original.uid !== process.getuid?.() || original.gid !== process.getgid?.())) {
    // Only root (or a group member) may do this; otherwise the file becomes ours, as with any editor.
    await handle.chown(original.uid, original.gid).catch(() => undefined);
  }
  // open() applies the umask (and chown may clear set-id bits); chmod gives the exact original mode.
  await handle.chmod(original.mode & 0o7777);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Not possible on every platform (Windows); best effort.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // ignored: the data is already safely in place
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function removeQuietly(file: string): Promise<void> {
  await fs.unlink(file).catch(() => undefined);
}
