// The rotation store on a real file system: 0600, one entry per account and user, survives a new
// store object (another day), refuses a corrupt file instead of overwriting it, never holds a secret.
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {RotationProgress} from '../../source/model/rotation.js';
import {ROTATIONS_FILE, RotationStore} from '../../source/store/rotations.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const progress = (extra: Partial<RotationProgress> = {}): RotationProgress => ({
	account: '123456789012',
	user: 'rsdash',
	oldKeyId: 'AKIAOLDKEY0000000001',
	newKeyId: null,
	stage: 'create',
	startedAt: '2024-06-01T12:00:00.000Z',
	updatedAt: '2024-06-01T12:00:00.000Z',
	...extra,
});

let folder: string;
beforeEach(() => {
	folder = mkdtempSync(path.join(os.tmpdir(), 'iamtui-rotations-'));
});
afterEach(() => rmSync(folder, {recursive: true, force: true}));

describe('RotationStore', () => {
	it('keeps progress per account and user in a 0600 file that a new store reads back', () => {
		const store = new RotationStore(folder);
		expect(store.list()).toEqual([]);
		store.save(progress());
		store.save(progress({user: 'ana.silva'}));
		store.save(progress({account: '210987654321'}));
		store.save(progress({stage: 'switch', newKeyId: 'AKIANEWKEY0000000002'}));

		expect(statSync(store.path).mode & 0o777).toBe(0o600);
		expect(path.basename(store.path)).toBe(ROTATIONS_FILE);
		const later = new RotationStore(folder);
		expect(later.get('123456789012', 'rsdash')).toMatchObject({stage: 'switch', newKeyId: 'AKIANEWKEY0000000002'});
		expect(later.list('123456789012').map(r => r.user).sort()).toEqual(['ana.silva', 'rsdash']);
		expect(later.list()).toHaveLength(3);

		later.remove('123456789012', 'rsdash');
		expect(new RotationStore(folder).get('123456789012', 'rsdash')).toBeUndefined();
		expect(new RotationStore(folder).list()).toHaveLength(2);
		// The atomic write leaves no temporary file behind.
		expect(readdirSync(folder)).toEqual([ROTATIONS_FILE]);
	});

	it('refuses to write a secret: not as a key id, not as an extra field', () => {
		const store = new RotationStore(folder);
		store.save(progress());
		expect(() => store.save(progress({newKeyId: SECRET}))).toThrow();
		expect(() => store.save({...progress(), secretAccessKey: SECRET} as RotationProgress)).toThrow();
		expect(readFileSync(store.path, 'utf8')).not.toContain(SECRET);
		expect(readFileSync(store.path, 'utf8')).not.toContain('secret');
	});

	it('refuses a corrupt or foreign file, and leaves it as it was', () => {
		const store = new RotationStore(folder);
		writeFileSync(store.path, '{not json', {mode: 0o600});
		expect(() => store.list()).toThrow(/not JSON/);
		expect(() => store.save(progress())).toThrow(/not JSON/);
		expect(readFileSync(store.path, 'utf8')).toBe('{not json');
		writeFileSync(store.path, JSON.stringify({version: 1, rotations: [{...progress(), password: 'x'}]}));
		expect(() => store.list()).toThrow(/not an iamtui rotations file/);
	});
});
