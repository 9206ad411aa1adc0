// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
const { statSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');
const marker = join(root, 'dist', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const sources = ['src', 'migrations', 'bench'].map((d) => join(root, d)).filter(existsSync);
const stale = !existsSync(marker) || sources.some((d) => newestMtime(d) > statSync(marker).mtimeMs);
if (stale) {
  process.stderr.write('Building (dist/ is missing or stale)...\n');
  execSync('npx nest build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
