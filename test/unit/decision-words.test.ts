// The who-can screen's rows for a wildcard query: Partly with "N of M actions" for a partial grant,
// Allowed with "all M actions" for a whole one, and plain words for a single action.
import {describe, expect, it} from 'vitest';
import {whoCan} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {whoCanLines} from '../../source/ui/screens/whocan-lines.js';
import {resourcesCovered} from '../../source/model/decision-words.js';

const ACCT = '123456789012';
const user = (name: string, i: number, action: string) => ({
	name, id: `AIDA${i}`, arn: `arn:aws:iam::${ACCT}:user/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z', groups: [], attachedPolicies: [], tags: [],
	inlinePolicies: [{name: 'P', document: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: action, Resource: '*'}]})}],
});
const index = buildIndex({
	loadedAt: '2026-01-01T00:00:00Z', users: [user('ana', 0, 'lightsail:Get*'), user('bob', 1, 'lightsail:*')], groups: [], policies: [], roles: [],
	credentialReport: {status: 'ok', generatedAt: null, rows: []},
});

const lineOf = (texts: string[], name: string) => texts.find(text => text.startsWith(`${name}  `)) ?? '';

describe('who-can rows for many actions', () => {
	it('a partial grant is Partly with its share; a whole one Allowed for all', async () => {
		const answer = await whoCan(index, 'lightsail:*');
		if (!answer.ok) throw new Error(answer.message);
		const total = answer.actions.length;
		const texts = whoCanLines(answer, {user: () => {}, group: () => {}}).map(line => line.text);
		const ana = answer.users.find(u => u.name === 'ana')!;
		expect(lineOf(texts, 'ana')).toBe(`ana  Partly  ${ana.actions.length} of ${total} actions`);
		expect(lineOf(texts, 'bob')).toBe(`bob  Allowed  all ${total} actions`);
	});

	it('one action: Allowed, no count', async () => {
		const answer = await whoCan(index, 'lightsail:GetInstances');
		if (!answer.ok) throw new Error(answer.message);
		const texts = whoCanLines(answer, {user: () => {}, group: () => {}}).map(line => line.text);
		expect(lineOf(texts, 'ana')).toBe('ana  Allowed');
	});
});

describe('what a grant on a wildcard resource does not cover (resourcesCovered)', () => {
	it('names the resources a limited grant is on, and a deny cutting into it; nothing for a whole grant', () => {
		expect(resourcesCovered({resources: ['arn:aws:s3:::reports/*', 'arn:aws:s3:::logs/*']})).toBe('on arn:aws:s3:::reports/*, arn:aws:s3:::logs/* only');
		expect(resourcesCovered({partlyDenied: true})).toBe('partly denied (some resources)');
		expect(resourcesCovered({resources: ['arn:aws:s3:::reports/*'], partlyDenied: true})).toBe('on arn:aws:s3:::reports/* only; partly denied (some resources)');
		expect(resourcesCovered({})).toBe('');
	});
});
