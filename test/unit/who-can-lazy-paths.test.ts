// whoCanDirect with lazyPaths (how who may assume a role asks sts:AssumeRole over every user): the same
// entries as the eager answer — names, decisions, actions, paths and conditions, unread boundaries
// included — with the paths built only when read, and never for an entry that has no conditions when
// only its conditions are read.
import {describe, expect, it} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {LazyEntry} from '../../source/model/access/lazy-entry.js';
import {rolesOf} from '../../source/model/access/roles.js';
import {whoCanDirect} from '../../source/model/access/who-can.js';
import type {WhoCanEntry} from '../../source/model/access/types.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import {planSnapshot} from '../../scripts/bench/plan-snapshot.js';
import {planAccount} from '../../scripts/bench/plan.js';

const plain = (entries: WhoCanEntry[]) =>
	entries.map(e => ({kind: e.kind, name: e.name, arn: e.arn, decision: e.decision, actions: e.actions, incomplete: e.incomplete, via: e.via, conditions: e.conditions}));

/**
 * The bench's account at a small size, plus a copy of a user who may assume `role` whose boundary is not
 * in the snapshot (its allow hangs on it: Conditional).
 */
const account = async (): Promise<{snapshot: AccountSnapshot; role: string}> => {
	const snapshot = planSnapshot(planAccount({users: 240, groups: 30, policies: 60, roles: 60}));
	const model = buildAccessModel(buildIndex(snapshot));
	for (const role of rolesOf(model)) {
		const answer = await whoCanDirect(model, 'sts:AssumeRole', role.arn);
		const user = answer.ok ? snapshot.users.find(u => u.name === answer.users[0]?.name) : undefined;
		if (!user) continue;
		const name = 'unread-boundary';
		snapshot.users.push({...user, name, arn: user.arn.replace(user.name, name), id: 'AIDAUNREADBOUNDARY', permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/gone'});
		return {snapshot, role: role.arn};
	}
	throw new Error('no role anyone may assume');
};

describe('whoCanDirect lazyPaths', () => {
	it('gives the eager answer for sts:AssumeRole on every role', async () => {
		const {snapshot, role: assumed} = await account();
		const eagerModel = buildAccessModel(buildIndex(snapshot));
		const lazyModel = buildAccessModel(buildIndex(snapshot));
		let conditional = 0;
		let lazy = 0;
		for (const role of rolesOf(eagerModel)) {
			const eager = await whoCanDirect(eagerModel, 'sts:AssumeRole', role.arn);
			const deferred = await whoCanDirect(lazyModel, 'sts:AssumeRole', role.arn, {lazyPaths: true});
			if (!eager.ok || !deferred.ok) throw new Error('not answered');
			lazy += deferred.users.filter(u => u instanceof LazyEntry).length;
			conditional += eager.users.filter(u => u.conditions.length > 0).length;
			expect(plain(deferred.users)).toEqual(plain(eager.users));
			expect(deferred.notes).toEqual(eager.notes);
			expect(plain(deferred.groups)).toEqual(plain(eager.groups));
		}
		// The account has both kinds, and the lazy answer was lazy.
		expect(conditional).toBeGreaterThan(0);
		expect(lazy).toBeGreaterThan(100);
		const unread = await whoCanDirect(lazyModel, 'sts:AssumeRole', assumed, {lazyPaths: true});
		const gone = unread.ok ? unread.users.find(u => u.name === 'unread-boundary') : undefined;
		expect(gone?.decision).toBe('Conditional');
		expect(gone?.conditions.map(c => c.operator)).toContain('could not be read: allowed only if it allows');
	});

	it('builds an entry once, when its paths are first read, and not for conditions it has none of', () => {
		let built = 0;
		const principal = {kind: 'user' as const, ordinal: 0, name: 'dana', arn: 'arn:aws:iam::123456789012:user/dana', statements: [], problems: []};
		const whole: WhoCanEntry = {kind: 'user', name: 'dana', arn: principal.arn, decision: 'Allowed', via: [], actions: ['sts:AssumeRole'], conditions: [], incomplete: false};
		const build = () => {
			built++;
			return whole;
		};
		const plainEntry = new LazyEntry(principal, [], {decision: 'Allowed', actions: ['sts:AssumeRole'], conditional: false}, build);
		expect(plainEntry.conditions).toEqual([]);
		expect(built).toBe(0);
		expect(plainEntry.via).toBe(whole.via);
		expect(plainEntry.via).toBe(whole.via);
		expect(built).toBe(1);
		const withConditions = new LazyEntry(principal, [], {decision: 'Conditional', actions: ['sts:AssumeRole'], conditional: true}, build);
		expect(withConditions.conditions).toBe(whole.conditions);
		expect(built).toBe(2);
	});
});
