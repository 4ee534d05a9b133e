// RCP evaluation (Organizations User Guide, "RCP evaluation"): any Deny on the account's path stops the
// action on the account's resources; RCPFullAWSAccess (Allow, Principal *) is everywhere and grants nothing
// by itself; the management account's resources are exempt; a data-perimeter condition on the principal's
// organization is decided by what iamtui knows (every principal it asks about is inside it).
import {describe, expect, it} from 'vitest';
import type {OrgAccount, OrgUnit, Organization, ServiceControlPolicy} from '../../source/model/org/organization.js';
import {rcpVerdict} from '../../source/model/org/rcp-verdict.js';

const MANAGEMENT = '111111111111';
const DEV = '333333333333';
const doc = (...Statement: object[]) => ({Version: '2012-10-17', Statement});
const policy = (name: string, ...statements: object[]): ServiceControlPolicy => ({id: `p-${name}`, name, document: doc(...statements)});
const fullAccess = policy('RCPFullAWSAccess', {Effect: 'Allow', Principal: '*', Action: '*', Resource: '*'});

const orgWith = (devRcps: ServiceControlPolicy[], id: string | null = 'o-abc123'): Organization => {
	const dev: OrgAccount = {id: DEV, name: 'dev-1', kind: 'account', scps: [], rcps: [fullAccess]};
	const ou: OrgUnit = {id: 'ou-dev', name: 'dev', kind: 'ou', scps: [], rcps: [fullAccess, ...devRcps], ous: [], accounts: [dev]};
	const management: OrgAccount = {id: MANAGEMENT, name: 'management', kind: 'account', scps: [], rcps: [fullAccess]};
	return {...(id ? {id} : {}), managementAccountId: MANAGEMENT, root: {id: 'r-1', name: 'Root', kind: 'root', scps: [], rcps: [fullAccess], ous: [ou], accounts: [management]}};
};

const noDeletes = policy('NoDeletes', {Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*'});
const perimeter = policy('OrgOnly', {
	Effect: 'Deny',
	Principal: '*',
	Action: 's3:*',
	Resource: '*',
	Condition: {StringNotEqualsIfExists: {'aws:PrincipalOrgID': 'o-abc123'}, BoolIfExists: {'aws:PrincipalIsAWSService': 'false'}},
});

describe('rcpVerdict', () => {
	it('only the RCPFullAWSAccess default: permitted (it grants nothing, it lets through)', async () => {
		expect(await rcpVerdict(orgWith([]), DEV, 's3:GetObject', '*')).toEqual({kind: 'permitted'});
	});

	it('a Deny on the OU stops the action on the account\'s resources, named with where it hangs; other actions pass', async () => {
		const verdict = await rcpVerdict(orgWith([noDeletes]), DEV, 's3:DeleteObject', 'arn:aws:s3:::bucket/key');
		expect(verdict).toMatchObject({kind: 'denied', how: 'explicit-deny', decider: {scp: {name: 'NoDeletes'}, target: {kind: 'ou', name: 'dev'}}});
		expect(await rcpVerdict(orgWith([noDeletes]), DEV, 's3:GetObject', '*')).toEqual({kind: 'permitted'});
	});

	it('the management account\'s resources are exempt', async () => {
		expect((await rcpVerdict(orgWith([noDeletes]), MANAGEMENT, 's3:DeleteObject', '*')).kind).toBe('exempt');
	});

	it('a data-perimeter RCP is decided for principals inside the organization: its id is known, so it does not deny', async () => {
		expect(await rcpVerdict(orgWith([perimeter]), DEV, 's3:GetObject', '*')).toEqual({kind: 'permitted'});
	});

	it('without the organization\'s id the same RCP is Conditional, with its condition shown — never a certain allow', async () => {
		const verdict = await rcpVerdict(orgWith([perimeter], null), DEV, 's3:GetObject', '*');
		expect(verdict.kind).toBe('conditional');
		if (verdict.kind !== 'conditional') return;
		expect(verdict.conditions).toContainEqual(expect.objectContaining({key: 'aws:PrincipalOrgID', values: ['o-abc123'], effect: 'Deny'}));
	});

	it('a Deny on a service RCPs were not launched for is Conditional with the reason, not a certain deny', async () => {
		const odd = policy('NoTerminate', {Effect: 'Deny', Principal: '*', Action: 'ec2:TerminateInstances', Resource: '*'});
		const verdict = await rcpVerdict(orgWith([odd]), DEV, 'ec2:TerminateInstances', '*');
		expect(verdict).toMatchObject({kind: 'conditional', reason: expect.stringContaining('if ec2 honours RCPs')});
	});

	it('an account outside the tree: unknown, said why', async () => {
		expect(await rcpVerdict(orgWith([noDeletes]), '999999999999', 's3:DeleteObject', '*')).toMatchObject({kind: 'unknown'});
	});
});
