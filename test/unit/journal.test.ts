// The audit journal: JSON lines, 0600, a strict record shape (no field for anything else, so no secret).
import {chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, it} from 'vitest';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {findUnfinished, RESOLVED, settledView, unfinishedFor, unfinishedPlans} from '../../source/model/plans/journal-plans.js';
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

// Issue 14, item 3: each write's intent before it is sent, its outcome after, paired by plan id and step.
const line = (planId: string, step: number, operation: string, outcome: JournalEntry['outcome'], target: JournalEntry['target'] = {user: 'ana'}): JournalEntry => ({
	...entry,
	operation,
	target,
	outcome,
	planId,
	step,
});

it('an old line without a plan id still parses and reads back as it was', () => {
	const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-')));
	writeFileSync(journal.path, `${JSON.stringify(entry)}\n`, {mode: 0o600});
	journal.append(line('a1b2c3d4', 0, 'iam:CreateUser', 'intent'));
	journal.append(line('a1b2c3d4', 0, 'iam:CreateUser', 'ok'));
	expect(journal.lines().map(e => [e.operation, e.outcome, e.planId ?? null])).toEqual([
		['iam:AddUserToGroup', 'ok', null],
		['iam:CreateUser', 'intent', 'a1b2c3d4'],
		['iam:CreateUser', 'ok', 'a1b2c3d4'],
	]);
	// The operator's view folds an intent into its outcome.
	expect(journal.read().map(e => [e.operation, e.outcome])).toEqual([
		['iam:AddUserToGroup', 'ok'],
		['iam:CreateUser', 'ok'],
	]);
});

it('a plan with an intent and no outcome is unfinished; its done, failed and unknown steps are told apart', () => {
	const lines = [
		entry,
		line('p1', 0, 'iam:CreateUser', 'intent'),
		line('p1', 0, 'iam:CreateUser', 'ok'),
		line('p1', 1, 'iam:CreateAccessKey', 'intent'),
		line('p1', 1, 'iam:CreateAccessKey', 'ok', {user: 'ana', accessKeyId: 'AKIAOURS'}),
		line('p1', 2, 'iam:AddUserToGroup', 'intent', {user: 'ana', group: 'G'}),
		// A finished plan, and a failed one: neither is unfinished.
		line('p2', 0, 'iam:CreateUser', 'intent', {user: 'bo'}),
		line('p2', 0, 'iam:CreateUser', 'ok', {user: 'bo'}),
		line('p3', 0, 'iam:CreateUser', 'intent', {user: 'cy'}),
		{...line('p3', 0, 'iam:CreateUser', 'failed', {user: 'cy'}), errorCode: 'AccessDenied'},
	];
	const [plan, ...others] = unfinishedPlans(lines);
	expect(others).toEqual([]);
	expect(plan).toMatchObject({planId: 'p1', startedAt: entry.time, profile: 'dev'});
	expect(plan!.steps.map(s => [s.step, s.operation, s.state, s.target])).toEqual([
		[0, 'iam:CreateUser', 'done', {user: 'ana'}],
		[1, 'iam:CreateAccessKey', 'done', {user: 'ana', accessKeyId: 'AKIAOURS'}],
		[2, 'iam:AddUserToGroup', 'unknown', {user: 'ana', group: 'G'}],
	]);
	expect(unfinishedFor(lines, 'ana').map(p => p.planId)).toEqual(['p1']);
	expect(unfinishedFor(lines, 'bo')).toEqual([]);
	expect(findUnfinished(lines, 'p')?.planId).toBe('p1');
	// The settled view keeps the lone intent, so the journal shows the write that may have landed.
	expect(settledView(lines).filter(e => e.outcome === 'intent').map(e => e.operation)).toEqual(['iam:AddUserToGroup']);
	// An iamtui:Resolved line closes it.
	expect(unfinishedPlans([...lines, {...entry, operation: RESOLVED, target: {}, resolves: 'p1'}])).toEqual([]);
});

it('a reconcile write inside a step is kept with the step and does not settle it', () => {
	const lines = [
		line('p1', 0, 'iam:CreateAccessKey', 'intent'),
		{...line('p1', 0, 'iam:DeleteAccessKey', 'ok', {user: 'ana', accessKeyId: 'AKIAORPHAN'}), by: 'reconcile' as const},
	];
	const [plan] = unfinishedPlans(lines);
	expect(plan!.steps).toEqual([expect.objectContaining({state: 'unknown', inside: [expect.objectContaining({operation: 'iam:DeleteAccessKey'})]})]);
	const journal = new Journal(mkdtempSync(path.join(os.tmpdir(), 'iamtui-journal-')));
	for (const l of lines) journal.append(l);
	journal.append({...entry, operation: RESOLVED, target: {}, resolves: 'p1'});
	expect(unfinishedPlans(journal.lines())).toEqual([]);
	expect(() => journal.append({...line('p1', 0, 'iam:CreateUser', 'ok'), planId: 'not an id!'})).toThrow();
});
