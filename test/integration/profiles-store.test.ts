// The config store on disk: round trip through a new instance, 0600, schema refuses anything else.
import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigStore} from '../../source/store/config.js';
import {root} from '../helpers/cli.js';

/** Runs test/helpers/save-profiles.ts as a separate node process. */
const saveInProcess = (dir: string, prefix: string, count: number, start: number): Promise<number | null> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'helpers', 'save-profiles.ts'), dir, prefix, String(count), String(start)], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		child.on('error', reject);
		child.on('close', resolve);
	});

describe('ConfigStore in a temporary directory', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'iamtui-store-'));
	});
	afterEach(() => rmSync(dir, {recursive: true, force: true}));

	it('remembers profiles and the last used one across instances', () => {
		const first = new ConfigStore({cwd: dir});
		first.saveProfile({name: 'dev', region: 'eu-west-1'});
		first.markUsed({name: 'local', endpoint: 'http://127.0.0.1:5000', readOnly: true}, new Date('2024-06-01T10:00:00Z'));

		const second = new ConfigStore({cwd: dir});
		expect(second.path.startsWith(dir)).toBe(true);
		expect(second.lastProfile()).toBe('local');
		expect(second.profile('local')).toEqual({name: 'local', endpoint: 'http://127.0.0.1:5000', readOnly: true, lastUsed: '2024-06-01T10:00:00.000Z'});
		expect(second.profiles().map(p => p.name).sort()).toEqual(['dev', 'local']);
		expect(second.preferences()).toEqual({keyAgeDays: 90});

		// Updating keeps the fields not given; removing the last used one forgets it.
		second.saveProfile({name: 'dev', readOnly: true});
		expect(second.profile('dev')).toEqual({name: 'dev', region: 'eu-west-1', readOnly: true});
		expect(second.removeProfile('local')).toBe(true);
		expect(second.removeProfile('local')).toBe(false);
		expect(new ConfigStore({cwd: dir}).lastProfile()).toBeUndefined();
	});

	it('writes the file with mode 0600', () => {
		const store = new ConfigStore({cwd: dir});
		store.saveProfile({name: 'dev'});
		expect(statSync(store.path).mode & 0o777).toBe(0o600);
	});

	it('rejects unknown keys such as a secret, and invalid values, leaving the file clean', () => {
		const store = new ConfigStore({cwd: dir});
		store.saveProfile({name: 'dev'});
		const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
		expect(() => store.saveProfile({name: 'leaky', secretAccessKey: secret} as never)).toThrow();
		expect(() => store.saveProfile({name: 'bad', region: 'Mars-1'})).toThrow();
		expect(() => store.saveProfile({name: 'bad', endpoint: 'ftp://x'})).toThrow();
		expect(() => store.saveProfile({name: 'has space'})).toThrow();
		const text = readFileSync(store.path, 'utf8');
		expect(text).not.toContain(secret);
		expect(text).not.toContain('leaky');
		expect(new ConfigStore({cwd: dir}).profiles()).toEqual([{name: 'dev'}]);
	});

	it('two processes saving profiles at the same time: every profile of both is kept', async () => {
		// Both start at the same moment, after node and tsx have loaded.
		const start = Date.now() + 3000;
		const codes = await Promise.all([saveInProcess(dir, 'one', 25, start), saveInProcess(dir, 'two', 25, start)]);
		expect(codes).toEqual([0, 0]);
		const names = new ConfigStore({cwd: dir}).profiles().map(p => p.name);
		expect(names).toHaveLength(50);
		for (let n = 0; n < 25; n++) expect(names).toEqual(expect.arrayContaining([`one-${n}`, `two-${n}`]));
		expect(readdirSync(dir)).toEqual(['config.json']);
	}, 60_000);

	it.each([
		['empty', ''],
		['not JSON', '{"profiles": [ {"name": "dev"'],
		['not a store', '{"profiles": [{"name": "dev", "secretAccessKey": "x"}]}'],
	])('a corrupt store (%s) is moved aside with a message naming both files, and the store goes on', (_, text) => {
		const notices: string[] = [];
		const store = new ConfigStore({cwd: dir, notice: line => notices.push(line)});
		writeFileSync(store.path, text);
		expect(store.profiles()).toEqual([]);
		const aside = readdirSync(dir).filter(name => name.startsWith('config.json.corrupt-'));
		expect(aside).toHaveLength(1);
		expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(text);
		expect(notices).toEqual([expect.stringContaining(`${store.path} could not be used`)]);
		expect(notices[0]).toContain(`moved it to ${path.join(dir, aside[0]!)}`);
		store.saveProfile({name: 'dev'});
		expect(new ConfigStore({cwd: dir}).profiles()).toEqual([{name: 'dev'}]);
	});

	it('a symbolic link at config.json is never followed: the file it points to is neither read, written nor chmod-ed', () => {
		const victim = path.join(dir, 'victim.json');
		writeFileSync(victim, JSON.stringify({profiles: [{name: 'planted'}]}));
		chmodSync(victim, 0o644);
		symlinkSync(victim, path.join(dir, 'config.json'));
		const notices: string[] = [];
		const store = new ConfigStore({cwd: dir, notice: line => notices.push(line)});
		expect(store.profiles()).toEqual([]);
		store.saveProfile({name: 'dev'});
		expect(readFileSync(victim, 'utf8')).toBe(JSON.stringify({profiles: [{name: 'planted'}]}));
		expect(statSync(victim).mode & 0o777).toBe(0o644);
		expect(notices).toEqual([expect.stringMatching(/config\.json is a symbolic link.*moved it to/)]);
		expect(new ConfigStore({cwd: dir}).profiles()).toEqual([{name: 'dev'}]);
	});

	it('a lock left behind by a process that is gone, or a FIFO planted as the lock, is taken over, not waited on for ever', () => {
		const store = new ConfigStore({cwd: dir});
		writeFileSync(`${store.path}.lock`, '999999999');
		utimesSync(`${store.path}.lock`, new Date(Date.now() - 1000), new Date(Date.now() - 1000));
		store.saveProfile({name: 'dev'});
		execFileSync('mkfifo', [`${store.path}.lock`]);
		utimesSync(`${store.path}.lock`, new Date(Date.now() - 1000), new Date(Date.now() - 1000));
		store.saveProfile({name: 'ops'});
		expect(new ConfigStore({cwd: dir}).profiles().map(p => p.name).sort()).toEqual(['dev', 'ops']);
		expect(readdirSync(dir)).toEqual(['config.json']);
	});
});
