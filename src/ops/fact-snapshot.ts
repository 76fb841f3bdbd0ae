// What the fact directory holds right now, cheaply: the real path it resolves to (a release
// symlink switched, the folder deleted and made again) and each file's path, size and mtime. Two
// snapshots that compare equal mean nothing changed; the fact watcher reloads only from a
// snapshot that stayed the same for its settle period.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Editors' swap and backup files (vim .swp/~, emacs #…#, JetBrains ___jb_tmp___) are noise.
export const IGNORED_FILE = /(^|\/)(\.[^/]*\.sw[a-p]x?|[^/]*~|#[^/]*#|[^/]*___jb_\w+___|4913)$/;

export interface DirSnapshot {
  /** The directory as resolved (symlinks followed); undefined when it does not exist. */
  real: string | undefined;
  /** Its inode: a folder deleted and made again at the same path is another folder. */
  ino: number | undefined;
  /** "path size mtime" of every file, sorted: equal keys mean the same content as far as the disk says. */
  key: string;
  files: number;
}

function walk(dir: string, rel: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const path = rel ? `${rel}/${name}` : name;
    if (IGNORED_FILE.test(path)) continue;
    let st;
    try {
      st = statSync(join(dir, name));
    } catch {
      continue; // removed between the listing and the stat: the next snapshot sees it
    }
    if (st.isDirectory()) walk(join(dir, name), path, out);
    else if (st.isFile()) out.push(`${path} ${st.size} ${st.mtimeMs}`);
  }
}

export function snapshotOf(dir: string): DirSnapshot {
  let real: string;
  let ino: number;
  try {
    real = realpathSync(dir);
    ino = statSync(real).ino;
  } catch {
    return { real: undefined, ino: undefined, key: '(missing)', files: 0 };
  }
  const entries: string[] = [];
  try {
    walk(real, '', entries);
  } catch {
    return { real, ino, key: '(unreadable)', files: 0 };
  }
  entries.sort();
  return { real, ino, key: `${real}@${ino}\n${entries.join('\n')}`, files: entries.length };
}

export const sameSnapshot = (a: DirSnapshot | undefined, b: DirSnapshot | undefined): boolean => a !== undefined && b !== undefined && a.key === b.key;
