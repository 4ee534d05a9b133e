// The audit journal: JSON lines, 0600, a strict record shape (no field for anything else, so no secret).
import {chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {Journal} from '../../source/store/journal.js';

const entry: JournalEntry = {
	time: '2024-06-01T12:00:00.000Z',
	profile: 'dev',
	account: '123456789012',
	callerArn: 'arn:aws:iam::123456789012:user/operator',
	operation: 'iam:AddUserToGroup',
	target: {user: 'ana.silva', group: 'Managers'},
	outcome: 'ok',
	errorCode: null,
};

it('appends one JSON line per record, keeps the file 0600, reads them back', () => {
	const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-')));
	journal.append(entry);
	chmodSync(journal.path, 0o644);
	journal.append({...entry, outcome: 'refused', errorCode: 'ReadOnly'});
	expect(statSync(journal.path).mode & 0o777).toBe(0o600);
	expect(readFileSync(journal.path, 'utf8').trim().split('\n')).toHaveLength(2);
	appendFileSync(journal.path, 'not json\n');
	expect(journal.read().map(e => e.outcome)).toEqual(['ok', 'refused']);
});

it('refuses a record with any field beyond the schema', () => {
	const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-')));
	expect(() => journal.append({...entry, secret: 'wJalrXUtnFEMI'} as JournalEntry)).toThrow();
	expect(() => journal.append({...entry, target: {user: 'a', password: 'x'}} as unknown as JournalEntry)).toThrow();
	writeFileSync(path.join(path.dirname(journal.path), 'other'), '');
	expect(journal.read()).toEqual([]);
});
