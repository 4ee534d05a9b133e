// The config store on disk: round trip through a new instance, 0600, schema refuses anything else.
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConfigStore} from '../../source/store/config.js';

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
});
