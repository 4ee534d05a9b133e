// A permissions boundary the snapshot does not hold (a filtered export): who-can must not be certain,
// for users (direct rows) and roles (role rows, and users reaching through them), and must say why in
// the words `can` uses.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, explain, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import {explainFor} from '../../source/model/access/explain.js';
import {rolePrincipal, roleByName} from '../../source/model/access/roles.js';
import type {ConditionShown} from '../../source/model/access/types.js';
import {whoCanLines} from '../../source/ui/screens/whocan-lines.js';
import {ACCOUNT, ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts, type AccountSpec} from '../fixtures/roles.js';

const MISSING = `arn:aws:iam::${ACCOUNT}:policy/DevBoundary`;
const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};

const spec: AccountSpec = {
	users: {
		ana: {inline: {S3: policy(allow('s3:*'))}, boundary: 'DevBoundary'},
		bob: {groups: ['Devs'], boundary: 'DevBoundary'},
		cy: {groups: ['Devs']},
		dee: {inline: {Mfa: policy(allow('s3:GetObject', '*', MFA))}, boundary: 'DevBoundary'},
		eve: {inline: {Ec2: policy(allow('ec2:*'))}, boundary: 'DevBoundary'},
		ops: {inline: {AssumeOps: policy(allow('sts:AssumeRole', roleArn('Ops')))}},
	},
	groups: {Devs: {inline: {S3Read: policy(allow('s3:Get*'))}}},
	roles: {
		Ops: {trust: trustPolicy(trusts(ROOT)), inline: {S3: policy(allow('s3:*'))}, boundary: 'DevBoundary'},
		Plain: {trust: trustPolicy(trusts(ROOT)), inline: {S3: policy(allow('s3:GetObject'))}},
	},
	// DevBoundary is named by ana, bob, dee, eve and Ops but not in the snapshot.
	managed: {},
};

const answer = async (action: string): Promise<WhoCanAnswer> => {
	const result = await whoCan(buildAccessModel(accountWithRoles(spec)), action);
	if (!result.ok) throw new Error(result.message);
	return result;
};

/** A shown condition as one sentence: what the JSON's Key, Operator and Values read as. */
const sentence = (c: ConditionShown) => `${c.key} ${c.operator} ${c.values.join(', ')}`;
const boundaryConditions = (conditions: ConditionShown[]) => conditions.filter(c => c.statement.source.kind === 'boundary');

describe('who-can with a permissions boundary missing from the snapshot', () => {
	it('a user granted directly or through a group is Conditional, the boundary named exactly as can names it', async () => {
		const result = await answer('s3:GetObject');
		const byName = new Map(result.users.map(u => [u.name, u]));
		expect(['ana', 'bob', 'cy', 'dee'].map(n => byName.get(n)?.decision)).toEqual(['Conditional', 'Conditional', 'Allowed', 'Conditional']);
		const can = await explain(buildAccessModel(accountWithRoles(spec)), 'ana', 's3:GetObject');
		if (!can.ok) throw new Error(can.message);
		expect(can.decision).toBe('Conditional');
		const canNote = can.notes.find(n => n.includes('DevBoundary'))!;
		expect(canNote).toBe(`the permissions boundary DevBoundary (${MISSING}) could not be read: allowed only if it allows s3:GetObject`);
		for (const name of ['ana', 'bob', 'dee']) {
			const shown = boundaryConditions(byName.get(name)!.conditions);
			expect(shown.map(sentence)).toEqual([canNote]);
			expect(shown[0]!.statement.source).toEqual({kind: 'boundary', name: 'DevBoundary', arn: MISSING});
		}
		// The answer's notes say it once for all who share the boundary.
		expect(result.notes.filter(n => n === canNote)).toHaveLength(1);
		// Still listed as incomplete, as before.
		expect(byName.get('ana')!.incomplete).toBe(true);
		expect(byName.get('cy')!.conditions).toEqual([]);
	});

	it("keeps the user's own conditions, and adds the boundary's after them", async () => {
		const dee = (await answer('s3:GetObject')).users.find(u => u.name === 'dee')!;
		expect(dee.conditions.map(c => c.key)).toEqual(['aws:MultiFactorAuthPresent', `the permissions boundary DevBoundary (${MISSING})`]);
	});

	it('a group has no boundary: its row stays Allowed', async () => {
		const result = await answer('s3:GetObject');
		expect(result.groups.map(g => [g.name, g.decision, g.conditions])).toEqual([['Devs', 'Allowed', []]]);
	});

	it('a user the identity policies do not allow is still not listed (a missing boundary grants nothing)', async () => {
		const result = await answer('s3:GetObject');
		expect(result.users.map(u => u.name)).not.toContain('eve');
	});

	it('a wildcard query names every granted action in the boundary condition', async () => {
		const result = await answer('s3:Get*');
		const bob = result.users.find(u => u.name === 'bob')!;
		expect(bob.decision).toBe('Conditional');
		const [shown] = boundaryConditions(bob.conditions);
		expect(shown!.values).toEqual(bob.actions);
		expect(bob.actions.length).toBeGreaterThan(10);
		expect(result.notes).toContain(`the permissions boundary DevBoundary (${MISSING}) could not be read: allowed only if it allows s3:Get*`);
	});

	it("a role whose boundary is missing: its row is Conditional, named as can names it; a role without one stays Allowed", async () => {
		const model = buildAccessModel(accountWithRoles(spec));
		const result = await whoCan(model, 's3:GetObject');
		if (!result.ok) throw new Error(result.message);
		const ops = result.roles.find(r => r.name === 'Ops')!;
		const plain = result.roles.find(r => r.name === 'Plain')!;
		expect([ops.decision, plain.decision]).toEqual(['Conditional', 'Allowed']);
		const can = await explainFor(model, rolePrincipal(model, roleByName(model, 'Ops')!), 's3:GetObject');
		if (!can.ok) throw new Error(can.message);
		expect(can.decision).toBe('Conditional');
		expect(boundaryConditions(ops.conditions).map(sentence)).toEqual(can.notes.filter(n => n.includes('DevBoundary')));
		expect(plain.conditions).toEqual([]);
	});

	it('a user reaching the action only through that role is Conditional, the role path carrying the boundary', async () => {
		const result = await answer('s3:PutObject');
		const ops = result.users.find(u => u.name === 'ops')!;
		expect(ops.decision).toBe('Conditional');
		const path = ops.throughRoles!.find(p => p.role === 'Ops')!;
		expect(path.decision).toBe('Conditional');
		expect(boundaryConditions(path.conditions).map(sentence)).toEqual([
			`the permissions boundary DevBoundary (${MISSING}) could not be read: allowed only if it allows s3:PutObject`,
		]);
	});

	it("the Who-can screen's row says why: Conditional, then the boundary line in can's words", async () => {
		const lines = whoCanLines(await answer('s3:GetObject'), {user: () => undefined, group: () => undefined});
		const at = lines.findIndex(l => l.key === 'user-ana');
		expect(lines[at]!.text).toMatch(/^ana {2}Conditional/);
		const why = lines.slice(at + 1).find(l => l.key.startsWith('user-ana-if-'))!;
		expect(why.text).toBe(
			`    if the permissions boundary DevBoundary (${MISSING}) could not be read: allowed only if it allows s3:GetObject  (user → boundary DevBoundary → statement #0)`,
		);
		expect(why.tone).toBe('warning');
	});
});
