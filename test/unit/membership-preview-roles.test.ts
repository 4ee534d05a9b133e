// The group-change preview through roles: a removal that leaves the user a role granting the action says
// "still reaches … through role …", not "loses"; a role path that needs a condition or a boundary is a
// "may"; a group that itself granted sts:AssumeRole takes the role path away with it; chains are followed.
import {describe, expect, it} from 'vitest';
import {planLines} from '../../source/model/plans/describe.js';
import {planMembership} from '../../source/model/plans/group-membership.js';
import {planThroughRoles} from '../../source/model/plans/preview-roles.js';
import {accountWithRoles, allow, policy, ROOT, roleArn, trustPolicy, trusts, userArn, type AccountSpec} from '../fixtures/roles.js';

const LIGHTSAIL = policy(allow('lightsail:*'));
const assume = (...roles: string[]) => policy(allow('sts:AssumeRole', roles.map(r => roleArn(r))));

const removal = async (spec: AccountSpec, group = 'Lightsail') => {
	const index = accountWithRoles(spec);
	const plan = await planThroughRoles(index, planMembership(index, {change: 'remove', group, users: ['ana']}));
	return {plan, text: planLines(plan).map(l => l.text)};
};

const base = (roleSpec: AccountSpec['roles'], opsInline: Record<string, string> = {ops: assume('Y')}): AccountSpec => ({
	managed: {LightsailAll: LIGHTSAIL, S3Only: policy(allow('s3:*'))},
	users: {ana: {groups: ['Lightsail', 'Ops']}},
	groups: {Lightsail: {managed: ['LightsailAll']}, Ops: {inline: opsInline}},
	roles: roleSpec,
});

describe('membership preview through roles', () => {
	it('still reaches lightsail:* through role Y (the account trusts, Ops allows sts:AssumeRole): not revoked', async () => {
		const {plan, text} = await removal(base({Y: {trust: trustPolicy(trusts(ROOT)), inline: {all: LIGHTSAIL}}}));
		expect(plan.previews[0]!.actions).toEqual([expect.objectContaining({pattern: 'lightsail:*', reachedThroughRoles: ['role Y']})]);
		expect(text).toContain('still reaches lightsail:* through role Y — access is not revoked');
		expect(text).not.toContain('loses lightsail:*');
		// The policy itself still leaves: only the action is kept.
		expect(text).toContain('loses LightsailAll');
	});

	it('a trust naming the user directly needs no identity allow', async () => {
		const {text} = await removal(base({Y: {trust: trustPolicy(trusts(userArn('ana'))), inline: {all: LIGHTSAIL}}}, {}));
		expect(text).toContain('still reaches lightsail:* through role Y — access is not revoked');
	});

	it('follows a chain: Ops → role A, whose policy may assume B, which grants lightsail:*', async () => {
		const {text} = await removal(base({
			A: {trust: trustPolicy(trusts(ROOT)), inline: {hop: assume('B')}},
			B: {trust: trustPolicy(trusts(roleArn('A'))), inline: {all: LIGHTSAIL}},
		}, {ops: assume('A')}));
		expect(text).toContain('still reaches lightsail:* through role A → role B — access is not revoked');
	});

	it('a group that granted sts:AssumeRole itself takes the role path away: the removal revokes', async () => {
		const {plan, text} = await removal({
			managed: {LightsailAll: LIGHTSAIL},
			users: {ana: {groups: ['Lightsail']}},
			groups: {Lightsail: {managed: ['LightsailAll'], inline: {ops: assume('Y')}}},
			roles: {Y: {trust: trustPolicy(trusts(ROOT)), inline: {all: LIGHTSAIL}}},
		});
		expect(plan.previews[0]!.actions.every(a => !a.reachedThroughRoles && !a.mayReachThroughRoles)).toBe(true);
		expect(text).toContain('loses lightsail:*');
		expect(text.join('\n')).not.toContain('through role');
	});

	it.each([
		['an MFA condition on the trust', {trust: trustPolicy(trusts(ROOT, {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}})), inline: {all: LIGHTSAIL}}, /may still reach it through role Y \(if aws:MultiFactorAuthPresent Bool true \(trust policy\)\)/],
		['a boundary that does not allow it', {trust: trustPolicy(trusts(ROOT)), inline: {all: LIGHTSAIL}, boundary: 'S3Only'}, /may still reach it through role Y \(its boundary may not allow it\)/],
		['a grant on one resource only', {trust: trustPolicy(trusts(ROOT)), inline: {one: policy(allow('lightsail:*', 'arn:aws:lightsail:*:*:Instance/web'))}}, /may still reach it through role Y \(with a condition or on some resources only\)/],
	])('%s: loses, and may still reach it through the role (with why)', async (_name, role, expected) => {
		const {text} = await removal(base({Y: role}));
		expect(text).toContain('loses lightsail:*');
		expect(text.join('\n')).toMatch(expected);
	});

	it('a role that grants something else, or a trust of another account, changes nothing', async () => {
		const {text} = await removal(base({
			Y: {trust: trustPolicy(trusts(ROOT)), inline: {s3: policy(allow('s3:*'))}},
			Z: {trust: trustPolicy(trusts('arn:aws:iam::999988887777:root')), inline: {all: LIGHTSAIL}},
		}, {ops: assume('Y', 'Z')}));
		expect(text).toContain('loses lightsail:*');
		expect(text.join('\n')).not.toContain('through role');
	});

	it('additions and no-op removals come back as built', async () => {
		const index = accountWithRoles(base({Y: {trust: trustPolicy(trusts(ROOT)), inline: {all: LIGHTSAIL}}}));
		const add = planMembership(index, {change: 'add', group: 'Lightsail', users: ['ana']});
		expect(await planThroughRoles(index, add)).toEqual(add);
	});

	it('the roles the change takes away, or gives, are said: "can no longer assume role Y", "may now assume role Y"', async () => {
		const spec = base({Y: {trust: trustPolicy(trusts(ROOT)), inline: {s3: policy(allow('s3:*'))}}});
		const {plan, text} = await removal(spec, 'Ops');
		expect(plan.previews[0]).toMatchObject({rolesLost: ['role Y']});
		expect(text).toContain('can no longer assume role Y');

		const index = accountWithRoles({...spec, users: {ana: {groups: ['Lightsail']}}});
		const joins = planLines(await planThroughRoles(index, planMembership(index, {change: 'add', group: 'Ops', users: ['ana']}))).map(l => l.text);
		expect(joins).toContain('may now assume role Y');
	});

	it('a chain goes with its first role; a role still allowed by another group is not lost', async () => {
		const chain = base({
			A: {trust: trustPolicy(trusts(ROOT)), inline: {hop: assume('B')}},
			B: {trust: trustPolicy(trusts(roleArn('A'))), inline: {s3: policy(allow('s3:*'))}},
		}, {ops: assume('A')});
		const {text} = await removal(chain, 'Ops');
		expect(text).toContain('can no longer assume role A');
		expect(text).toContain('can no longer assume role A → role B');

		const twice = {...chain, users: {ana: {groups: ['Lightsail', 'Ops', 'Ops2']}}, groups: {...chain.groups, Ops2: {inline: {ops: assume('A')}}}};
		const kept = await removal(twice, 'Ops');
		expect(kept.plan.previews[0]!.rolesLost).toBeUndefined();
		expect(kept.text.join('\n')).not.toContain('no longer assume');
	});

	it('a group that says nothing of sts:AssumeRole changes no roles (and is not asked)', async () => {
		const {plan} = await removal(base({Y: {trust: trustPolicy(trusts(ROOT)), inline: {all: LIGHTSAIL}}}));
		expect(plan.previews[0]!.rolesLost).toBeUndefined();
		expect(plan.previews[0]!.rolesGained).toBeUndefined();
	});
});
