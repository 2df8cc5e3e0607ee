// Sets the defaults the 8.8.5 generator hard-codes and offers no annotation for.
//
//   node defaults.mjs <templates-dir>
//
// Only `retryBackoff` today: the generator writes PT0S, which makes Zeebe retry a failed
// job at once, in a tight loop against an instance that is rate limiting or down. The edit
// is textual and targeted, so the rest of the generator's formatting stays byte for byte.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RETRY_BACKOFF = 'PT30S';
const pattern = /("id" : "retryBackoff",[^}]*?"value" : ")PT0S(")/;

function* jsonFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (name.endsWith('.json')) yield path;
  }
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node defaults.mjs <templates-dir>');
  process.exit(2);
}
for (const file of jsonFiles(dir)) {
  const text = readFileSync(file, 'utf8');
  const patched = text.replace(pattern, `$1${RETRY_BACKOFF}$2`);
  if (patched !== text) {
    writeFileSync(file, patched);
  }
}
