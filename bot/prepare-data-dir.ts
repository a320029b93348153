// The embedded database's directory, checked before PGlite opens it. PGlite reports a read-only
// disk as a bare errno (its message reads "undefined") after printing its own line, and a file in
// the way stops Node's mkdir with a stack trace: start-up names the setting and the cause itself,
// in one line (README "Configuration").
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './config.js';

/** `database` is the PGlite directory inside DATA_DIR; throws ConfigError with one line for a person. */
export function prepareDataDir(database: string): void {
  const dataDir = dirname(database);
  refuseFile(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`DATA_DIR: cannot create ${dataDir} (${(error as Error).message})`);
  }
  const existing = existsSync(database);
  if (existing) refuseFile(database);
  try {
    accessSync(existing ? database : dataDir, constants.W_OK);
  } catch (error) {
    const what = existing ? `the embedded database in ${database} is read-only` : `${dataDir} is not writable`;
    throw new ConfigError(`DATA_DIR: ${what} (${(error as Error).message})`);
  }
}

function refuseFile(path: string): void {
  if (existsSync(path) && !statSync(path).isDirectory()) throw new ConfigError(`DATA_DIR: ${path} is a file, not a directory`);
}
