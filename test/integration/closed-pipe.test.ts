// A reader that stops early (`iamtui who-can 's3:*' | head -1`) closes the pipe under iamtui's output.
// The built binary must end as a Unix tool killed by SIGPIPE does: nothing on stderr but what the command
// says there anyway (no stack trace of an unhandled EPIPE), status 141. The read end is closed before the
// binary writes, so every run meets the closed pipe, whatever the machine's speed. Offline (--from-file):
// no AWS needed.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {expect, it} from 'vitest';
import {EXIT_PIPE_CLOSED} from '../../source/cli/exit-codes.js';
import {cliPath, motoEnvironment, root, runCli} from '../helpers/cli.js';

const demoExport = path.join(root, 'demo', 'demo-account.json');

/** Runs the binary with its stdout (or stderr) pipe closed by the reader at once; what it wrote on the other. */
const runClosed = (args: string[], closed: 'stdout' | 'stderr'): Promise<{code: number | null; signal: string | null; other: string}> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {env: motoEnvironment(), stdio: ['ignore', 'pipe', 'pipe']});
		child[closed].destroy();
		let other = '';
		child[closed === 'stdout' ? 'stderr' : 'stdout'].setEncoding('utf8').on('data', (chunk: string) => (other += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`iamtui ${args.join(' ')} did not finish\n${other}`));
		}, 30_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, other});
		});
	});

it.each([
	['who-can text', ['who-can', 's3:*', '--from-file', demoExport]],
	['who-can --json', ['who-can', 's3:*', '--from-file', demoExport, '--json']],
	['users --json', ['users', '--json', '--from-file', demoExport]],
	['--help', ['--help']],
])('%s: a reader that closes stdout ends iamtui quietly with status 141', async (_, args) => {
	const {code, signal, other} = await runClosed(args, 'stdout');
	// stderr holds what the command says there anyway (who-can --json: its notes), nothing of the closed pipe.
	const open = await runCli(args, motoEnvironment());
	expect(open.code).toBe(0);
	expect(other).toBe(open.stderr);
	expect(other).not.toMatch(/EPIPE|could not write|\n\s+at /);
	expect(signal).toBeNull();
	expect(code).toBe(EXIT_PIPE_CLOSED);
});

it('an error line to a closed stderr ends iamtui with status 141, not an uncaught EPIPE', async () => {
	// A usage error: its one line goes to stderr, which the reader has closed.
	const {code, other} = await runClosed(['users', '--no-such-flag'], 'stderr');
	expect(other).toBe('');
	expect(code).toBe(EXIT_PIPE_CLOSED);
});
