// tousu-cli (the native build) from the browser tests: it makes the data the desk imports and checks
// what the desk wrote. Prints JSON; a passphrase goes through the environment as for a person.
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { repoDir } from './browser.js';

const cli = process.env.TOUSU_CLI || path.join(repoDir, 'build/native/tousu-cli');

export const runCli = (args, passphrase) => JSON.parse(execFileSync(cli, args, {
  encoding: 'utf8', env: { ...process.env, TOUSU_PASSPHRASE: passphrase ?? '' }, stdio: ['ignore', 'pipe', 'pipe'],
}));

// A command expected to fail: its exit status and what it said on stderr.
export function runCliFailing(args) {
  try {
    execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return { status: e.status, stderr: e.stderr };
  }
  throw new Error(`tousu-cli ${args.join(' ')} succeeded`);
}

// The same without blocking this process (a proxy or server the test runs must keep answering).
export const runCliAsync = (args) => new Promise((resolve, reject) => {
  execFile(cli, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
    if (error) reject(new Error(`tousu-cli ${args.join(' ')}: ${stderr}`));
    else resolve(JSON.parse(stdout));
  });
});
