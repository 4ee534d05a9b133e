// Runs the built iamtui binary (dist/cli.js) as a headless command, like a script would.
import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const cliPath = path.join(root, 'dist', 'cli.js');

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Environment for running iamtui against moto: dummy keys, a private config store, no real AWS settings. */
export const motoEnvironment = (configDir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-cfg-'))): Record<string, string> => {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !key.startsWith('AWS_')) env[key] = value;
	}
	return {...env, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', IAMTUI_CONFIG_DIR: configDir, HOME: configDir};
};

export const runCli = (args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliRun> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`iamtui ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
