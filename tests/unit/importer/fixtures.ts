/**
 * Fixture folders for the stage tests: tests/fixtures/importer/<stage>/<case>/
 * holds an input and the expected output. UPDATE_FIXTURES=1 rewrites the
 * expectations from the current code (review the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the importer fixtures. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/importer/', import.meta.url));

/** The seeds folder beside the repository (../shared/seeds). */
export const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

/** The corpus archives beside the repository (../shared/corpus). */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

/** Openings of real public pages with what the importer must make of each (../shared/real-pages). */
export const REAL_PAGES = fileURLToPath(new URL('../../../../shared/real-pages/', import.meta.url));

const update = process.env.UPDATE_FIXTURES === '1';

/** Case folders of one stage. */
export function cases(stage: string): string[] {
  return readdirSync(join(FIXTURES, stage)).sort();
}

/** The single input file of a case (input.*). */
export function inputOf(stage: string, name: string): { path: string; bytes: Buffer } {
  const dir = join(FIXTURES, stage, name);
  const file = readdirSync(dir).find((f) => f.startsWith('input.'));
  if (!file) throw new Error(`${dir}: no input.* file`);
  return { path: join(dir, file), bytes: readFileSync(join(dir, file)) };
}

/** Compares `actual` with the case's expected file, or writes it under UPDATE_FIXTURES=1. */
export function expectFixture(stage: string, name: string, file: string, actual: string): { expected: string; actual: string } {
  const path = join(FIXTURES, stage, name, file);
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`${path} is missing: run with UPDATE_FIXTURES=1 to create it, then review it`);
    writeFileSync(path, actual);
  }
  return { expected: readFileSync(path, 'utf8'), actual };
}

/** Stable JSON for fixtures. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, (_, v) => (v instanceof Map ? Object.fromEntries(v) : v), 2)}\n`;
}
