// A journal that breaks while a write is out (issue 14): through the built binary against moto, a folder
// takes journal.jsonl's place while CreateAccessKey is in flight (after its intent line). The key was
// made, so its secret is still delivered and the step reported done; the journal failure is its own
// warning on stderr ("the change WAS made"), and the exit code says the run was not clean.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {CreateUserCommand, IAMClient, ListAccessKeysCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {listen} from '../helpers/after-effect-proxy.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

/** Forwards everything to moto; runs `before` when a request for `action` arrives, before forwarding it. */
const hookAction = async (target: string, action: string, before: () => void) => {
	const upstream = new URL(target);
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			if (new URLSearchParams(body.toString('utf8')).get('Action') === action) before();
			const forward = http.request({host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers}, answer => {
				response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
				answer.pipe(response);
			});
			forward.on('error', () => request.socket.destroy());
			forward.end(body);
		});
	});
	return listen(server);
};

describeWithMoto('a journal that breaks while a write is out (built binary, moto)', () => {
	let moto: Moto;
	let iam: IAMClient;

	beforeAll(async () => {
		moto = await startMoto();
		iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		await iam.send(new CreateUserCommand({UserName: 'ana'}));
	});

	afterAll(async () => {
		await moto?.stop();
	});

	it('create-key: the secret is still shown and the step done; the journal failure is a warning, exit 3', async () => {
		const config = mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-fails-'));
		const journal = path.join(config, 'journal.jsonl');
		const proxy = await hookAction(moto.endpoint, 'CreateAccessKey', () => {
			rmSync(journal);
			mkdirSync(journal);
		});
		try {
			const result = await runCli(['create-key', 'ana', '--show-secret', '--endpoint-url', proxy.endpoint], motoEnvironment(config));
			const [key] = (await iam.send(new ListAccessKeysCommand({UserName: 'ana'}))).AccessKeyMetadata ?? [];
			expect(key?.AccessKeyId).toMatch(/^AKIA/);
			expect(result.code, result.stderr).toBe(3);
			expect(result.stdout).toMatch(/^done +.*ana.* — the journal could not be written: .*journal\.jsonl is a folder.*; the change WAS made$/m);
			expect(result.stdout).toContain(key!.AccessKeyId!);
			expect(result.stdout).toMatch(/[A-Za-z0-9/+]{40}/); // the secret access key, shown once as asked
			expect(result.stderr).toMatch(/^iamtui: warning: the journal could not be written: .*journal\.jsonl is a folder.*; the change WAS made$/m);
		} finally {
			await proxy.stop();
		}
	}, 120_000);
});
