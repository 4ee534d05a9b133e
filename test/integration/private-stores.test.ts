// iamtui's own files and the files it is given, on a real file system and through the built binary:
// a link planted at journal.jsonl or rotations.json is never followed (the file it points to is
// neither appended to nor chmod-ed), and upload-certificate refuses /dev/zero and a FIFO at once.
import {execFileSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {Journal} from '../../source/store/journal.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';

const entry: JournalEntry = {
	time: '2024-06-01T12:00:00.000Z',
	profile: 'dev',
	account: '123456789012',
	callerArn: 'arn:aws:iam::123456789012:user/operator',
	operation: 'iam:AddUserToGroup',
	target: {user: 'ana', group: 'Ops'},
	outcome: 'ok',
	errorCode: null,
};

let dir: string;
let victim: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-stores-'));
	victim = path.join(dir, 'victim.txt');
	writeFileSync(victim, 'precious\n');
	chmodSync(victim, 0o644);
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const victimUntouched = () => {
	expect(readFileSync(victim, 'utf8')).toBe('precious\n');
	expect(statSync(victim).mode & 0o777).toBe(0o644);
};

describe("iamtui's own files", () => {
	it('a link at journal.jsonl: the write is refused with a message naming it, the linked file is not appended to or chmod-ed', () => {
		const journal = new Journal(dir);
		symlinkSync(victim, journal.path);
		expect(() => journal.append(entry)).toThrow(/journal\.jsonl is a symbolic link/);
		expect(() => journal.read()).toThrow(/journal\.jsonl is a symbolic link/);
		victimUntouched();
	});

	it('a FIFO at journal.jsonl: refused at once, never blocks', () => {
		const journal = new Journal(dir);
		execFileSync('mkfifo', [journal.path]);
		expect(() => journal.append(entry)).toThrow(/journal\.jsonl is not a regular file/);
		expect(() => journal.read()).toThrow(/is not a regular file/);
	});
});

describe('upload-certificate (the built binary)', () => {
	it('refuses /dev/zero and a FIFO at once, before anything is sent', async () => {
		const env = motoEnvironment();
		const fifo = path.join(dir, 'cert.pem');
		execFileSync('mkfifo', [fifo]);
		for (const file of ['/dev/zero', fifo]) {
			const started = Date.now();
			// Nothing listens on port 9: a request would fail differently; none is made.
			const result = await runCli(['upload-certificate', 'ana', file, '--endpoint-url', 'http://127.0.0.1:9'], env, 20_000);
			expect(Date.now() - started).toBeLessThan(15_000);
			expect(result.code).toBe(64);
			expect(result.stderr).toContain(`${file} is not a regular file (a pipe, device or socket)`);
		}
	});
});
