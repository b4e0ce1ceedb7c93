/**
 * The hub build's input (WENYUAN_HUB_INPUT, written by scripts/build-hub.ts
 * from the partitions' manifests), read once.
 */
import { readFileSync } from 'node:fs';
import { hubInputFile } from '../lib/build-paths.ts';
import type { HubInput } from '../lib/partition-manifest.ts';

let input: HubInput | undefined | null = null;

/** The hub's input; undefined outside a hub build. */
export function hubInput(): HubInput | undefined {
  if (input === null) {
    const file = hubInputFile();
    input = file ? (JSON.parse(readFileSync(file, 'utf8')) as HubInput) : undefined;
  }
  return input;
}

/** URL paths of the pages the partitions made (empty outside a hub build). */
export function hubPages(): string[] {
  return hubInput()?.pages ?? [];
}
