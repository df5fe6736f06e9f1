// tousu-cli (the native build) from the browser tests: it makes the data the desk imports and checks
// what the desk wrote. Prints JSON; a passphrase goes through the environment as for a person.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoDir } from './browser.js';

const cli = process.env.TOUSU_CLI || path.join(repoDir, 'build/native/tousu-cli');

export const runCli = (args, passphrase) => JSON.parse(execFileSync(cli, args, {
  encoding: 'utf8', env: { ...process.env, TOUSU_PASSPHRASE: passphrase ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
}));
