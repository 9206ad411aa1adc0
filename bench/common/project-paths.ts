/**
 * Where the project and the shared benchmark datasets live. The datasets are read in place from
 * `../shared/datasets` beside the project root and never copied into the project.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest ancestor of `start` holding package.json: the repo root from bench/ and dist/bench/. */
export function findProjectRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
}

/** The datasets folder: `override` (resolved against the working directory) or ../shared/datasets. */
export function datasetsDir(override?: string): string {
  if (override !== undefined && override !== '') return resolve(override);
  return resolve(findProjectRoot(), '..', 'shared', 'datasets');
}

/** Path of one dataset file, failing with the full path when it is absent on this machine. */
export function requireDatasetFile(dir: string, relativePath: string): string {
  const path = join(dir, relativePath);
  if (!existsSync(path)) {
    throw new Error(`Dataset file missing: ${path} (expected under the datasets folder ${dir})`);
  }
  return path;
}
