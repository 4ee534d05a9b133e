// Group membership plans: steps with their `aws iam` equivalents, the preview (gains, losses, what is
// kept through another path), IAM's 10-group limit and no-op steps.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {planLines, planText} from '../../source/model/plans/describe.js';
import {MAX_GROUPS_PER_USER, planMembership} from '../../source/model/plans/group-membership.js';
import {applyPatch, membershipPatch} from '../../source/model/plans/patch.js';
import {patternCovers} from '../../source/model/plans/preview.js';
import type {Group} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureSnapshot, groups, users} from '../fixtures/account.js';

const lightsail = {name: 'LightsailFullAccessPolicy', arn: `arn:aws:iam::${ACCOUNT}:policy/LightsailFullAccessPolicy`};
const extraGroup = (name: string, extra: Partial<Group> = {}): Group => ({
	name,
	id: `AGPA${name.toUpperCase()}`,
	arn: `arn:aws:iam::${ACCOUNT}:group/${name}`,
	path: '/',
	createDate: '2023-01-01T00:00:00Z',
	attachedPolicies: [],
	inlinePolicies: [],
	...extra,
});

/** eve is in LightsailFullAccessGroup and in Ops, which carries the same policy. */
const withOps = () => {
	const snapshot = fixtureSnapshot({groups: [...groups, extraGroup('Ops', {attachedPolicies: [lightsail]})]});
	return buildIndex(applyPatch(snapshot, membershipPatch('eve.adams', 'Ops', true)));
};

describe('planMembership', () => {
	const index = buildIndex(fixtureSnapshot());

	it('removing ana from LightsailFullAccessGroup: one step, its aws iam line, she loses the policy and lightsail:*', () => {
		const plan = planMembership(index, {change: 'remove', group: 'LightsailFullAccessGroup', users: ['ana.silva']});
		expect(plan.dangerous).toBe(true);
		expect(plan.steps).toEqual([
			{
				description: 'Remove ana.silva from group LightsailFullAccessGroup',
				awsCli: 'aws iam remove-user-from-group --user-name ana.silva --group-name LightsailFullAccessGroup',
				run: {operation: 'removeUserFromGroup', user: 'ana.silva', group: 'LightsailFullAccessGroup'},
			},
		]);
		const [preview] = plan.previews;
		expect(preview!.policies).toEqual([{kind: 'managed', name: 'LightsailFullAccessPolicy', arn: lightsail.arn, keptThrough: []}]);
		expect(preview!.actions).toEqual([{pattern: 'lightsail:*', conditional: false, keptThrough: [], mayKeepThrough: []}]);
		const text = planText(plan);
		expect(text).toContain('loses LightsailFullAccessPolicy');
		expect(text).toContain('loses lightsail:*');
	});

	it('says what is kept through another group: the policy and the action, "access is not revoked"', () => {
		const plan = planMembership(withOps(), {change: 'remove', group: 'LightsailFullAccessGroup', users: ['eve.adams']});
		const [preview] = plan.previews;
		expect(preview!.policies[0]!.keptThrough).toEqual(['group Ops']);
		expect(preview!.actions[0]!.keptThrough).toEqual(['LightsailFullAccessPolicy via group Ops']);
		const text = planText(plan);
		expect(text).toContain('still gets LightsailFullAccessPolicy through group Ops');
		expect(text).toContain('still has lightsail:* through LightsailFullAccessPolicy via group Ops — access is not revoked');
		expect(planLines(plan).find(l => l.text.startsWith('still has'))?.tone).toBe('kept');
	});

	it('a wider grant elsewhere keeps the action: rsdash has * through RightScaleDash', () => {
		const snapshot = applyPatch(fixtureSnapshot(), membershipPatch('rsdash', 'Developers', true));
		const plan = planMembership(buildIndex(snapshot), {change: 'remove', group: 'Developers', users: ['rsdash']});
		const actions = plan.previews[0]!.actions;
		expect(actions.map(a => a.pattern)).toContain('ec2:TerminateInstances');
		for (const action of actions) expect(action.keptThrough).toEqual(['AllowEverything via group RightScaleDash']);
	});

	it('adding several users: gains per user, a no-op for one already in the group', () => {
		const plan = planMembership(index, {change: 'add', group: 'LightsailFullAccessGroup', users: ['bruno.costa', 'eve.adams', 'heidi.klum']});
		expect(plan.dangerous).toBe(false);
		expect(plan.title).toBe('Add 3 users to group LightsailFullAccessGroup');
		expect(plan.steps.map(s => s.noop)).toEqual([undefined, 'eve.adams is already in LightsailFullAccessGroup', undefined]);
		expect(plan.steps[0]!.awsCli).toBe('aws iam add-user-to-group --user-name bruno.costa --group-name LightsailFullAccessGroup');
		const bruno = plan.previews[0]!;
		expect(bruno.policies.map(p => p.name)).toEqual(['LightsailFullAccessPolicy']);
		expect(bruno.actions.map(a => a.pattern)).toEqual(['lightsail:*']);
		const text = planText(plan);
		expect(text).toContain('gets LightsailFullAccessPolicy');
		expect(text).toContain('gains lightsail:*');
		expect(text).toContain('eve.adams: no change — eve.adams is already in LightsailFullAccessGroup');
	});

	it('adding to a group whose policy the user already has says "already gets"', () => {
		const plan = planMembership(withOps(), {change: 'add', group: 'Ops', users: ['ana.silva']});
		expect(planText(plan)).toContain('already gets LightsailFullAccessPolicy through group LightsailFullAccessGroup');
		expect(planText(plan)).toContain('already has lightsail:*');
	});

	it('removing someone who is not in the group is a reported no-op', () => {
		const plan = planMembership(index, {change: 'remove', group: 'Managers', users: ['ana.silva']});
		expect(plan.steps[0]!.noop).toBe('ana.silva is not in Managers');
		expect(plan.previews[0]!.policies).toEqual([]);
	});

	it('refuses unknown users and groups with a clear error', () => {
		expect(() => planMembership(index, {change: 'add', group: 'Nope', users: ['ana.silva']})).toThrow(/no group named Nope/);
		expect(() => planMembership(index, {change: 'add', group: 'Managers', users: ['ana']})).toThrowError(
			expect.objectContaining({kind: 'NotFound', hint: expect.stringContaining('ana.silva')}),
		);
	});

	it('enforces the limit of 10 groups per user (moto does not)', () => {
		const many = Array.from({length: MAX_GROUPS_PER_USER}, (_, n) => extraGroup(`G${n}`));
		const snapshot = fixtureSnapshot({
			groups: [...groups, ...many],
			users: users.map(u => (u.name === 'heidi.klum' ? {...u, groups: many.map(g => g.name)} : u)),
		});
		const full = buildIndex(snapshot);
		expect(() => planMembership(full, {change: 'add', group: 'Managers', users: ['heidi.klum']})).toThrowError(
			expect.objectContaining({kind: 'LimitExceeded', message: expect.stringContaining('heidi.klum is already in 10 groups')}),
		);
		// Already a member: a no-op, not a limit error; removing is always possible.
		expect(planMembership(full, {change: 'add', group: 'G0', users: ['heidi.klum']}).steps[0]!.noop).toBeDefined();
		expect(planMembership(full, {change: 'remove', group: 'G0', users: ['heidi.klum']}).steps[0]!.noop).toBeUndefined();
	});

	it('quotes names from the account in the aws iam line', () => {
		const snapshot = fixtureSnapshot({groups: [...groups, extraGroup("it's; rm -rf")]});
		const plan = planMembership(buildIndex(snapshot), {change: 'add', group: "it's; rm -rf", users: ['ana.silva']});
		expect(plan.steps[0]!.awsCli).toBe(`aws iam add-user-to-group --user-name ana.silva --group-name 'it'\\''s; rm -rf'`);
	});
});

describe('patternCovers', () => {
	it('reads the narrow pattern literally', () => {
		expect(patternCovers('*', 'lightsail:*')).toBe(true);
		expect(patternCovers('lightsail:*', 'lightsail:GetInstances')).toBe(true);
		expect(patternCovers('Lightsail:Get*', 'lightsail:GetInstances')).toBe(true);
		expect(patternCovers('lightsail:Get*', 'lightsail:*')).toBe(false);
		expect(patternCovers('ec2:*', 'lightsail:*')).toBe(false);
	});
});
