// Settling an interrupted offboard-everywhere in the journal: once Identity Center holds none of the
// person's removals, the unfinished plans made only of their Identity Center removals are closed; a plan
// with an IAM step, or about someone else, stays for journal resolve.
import {expect, it} from 'vitest';
import {closeSettledRemovals} from '../../source/model/org/everywhere-journal.js';
import type {JournalEntry} from '../../source/model/plans/execute.js';
import {RESOLVED, unfinishedPlans} from '../../source/model/plans/journal-plans.js';

const actor = {profile: 'org', account: '111111111111', callerArn: null};
const line = (planId: string, step: number, operation: string, principalId: string, outcome: JournalEntry['outcome']): JournalEntry => ({
	time: '2026-12-06T03:00:00.000Z',
	...actor,
	operation,
	target: {principalId, membershipId: `m-${step}`},
	outcome,
	errorCode: null,
	planId,
	step,
});

const sink = (entries: JournalEntry[]) => ({lines: () => entries, append: (entry: JournalEntry) => void entries.push(entry)});

it("closes alice's interrupted Identity Center removals, not bob's, nor a plan with an IAM step", () => {
	const entries = [
		line('alice-1', 0, 'identitystore:DeleteGroupMembership', 'u-alice', 'intent'),
		line('alice-1', 0, 'identitystore:DeleteGroupMembership', 'u-alice', 'ok'),
		line('alice-1', 1, 'sso:DeleteAccountAssignment', 'u-alice', 'intent'),
		line('bob-1', 0, 'identitystore:DeleteGroupMembership', 'u-bob', 'intent'),
		line('mixed-1', 0, 'identitystore:DeleteGroupMembership', 'u-alice', 'intent'),
		{...line('mixed-1', 1, 'iam:DeleteUser', 'u-alice', 'intent'), target: {user: 'alice'}},
	];
	const journal = sink(entries);
	expect(closeSettledRemovals(journal, 'u-alice', actor, new Date('2026-12-06T04:00:00.000Z'))).toEqual(['alice-1']);
	expect(entries.at(-1)).toMatchObject({operation: RESOLVED, resolves: 'alice-1', outcome: 'ok', profile: 'org', time: '2026-12-06T04:00:00.000Z'});
	expect(unfinishedPlans(entries).map(plan => plan.planId)).toEqual(['bob-1', 'mixed-1']);
	// Nothing left to close the second time.
	expect(closeSettledRemovals(journal, 'u-alice', actor, new Date())).toEqual([]);
});

it('a journal that cannot be written closes nothing and throws nothing', () => {
	const entries = [line('alice-1', 0, 'sso:DeleteAccountAssignment', 'u-alice', 'intent')];
	const journal = {
		lines: () => entries,
		append: () => {
			throw new Error('EACCES');
		},
	};
	expect(closeSettledRemovals(journal, 'u-alice', actor, new Date())).toEqual([]);
});
