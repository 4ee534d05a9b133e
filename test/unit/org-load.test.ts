// The organization's load plan and failure words (model/org/org-load.ts): pure, on hand-built trees.
import {describe, expect, it} from 'vitest';
import {
	accessFor,
	assumeFailure,
	auditRoleArn,
	loadCounts,
	orgAccounts,
	ouPathText,
	partitionOf,
	readFailure,
	scpsOnPath,
	type AccountOutcome,
} from '../../source/model/org/org-load.js';
import type {OrgAccount, OrgUnit, Organization} from '../../source/model/org/organization.js';
import {emptySnapshot} from '../../source/model/snapshot.js';

const scp = (name: string) => ({id: `p-${name}`, name, document: {}});
const account = (id: string, name: string, status?: string): OrgAccount => ({id, name, kind: 'account', scps: [scp('FullAWSAccess')], ...(status ? {status} : {})});
const ou = (id: string, name: string, accounts: OrgAccount[], ous: OrgUnit[] = [], scps = [scp('FullAWSAccess')]): OrgUnit => ({id, name, kind: 'ou', scps, accounts, ous});

const org: Organization = {
	managementAccountId: '111111111111',
	root: {
		id: 'r-1',
		name: 'Root',
		kind: 'root',
		scps: [scp('FullAWSAccess')],
		accounts: [account('111111111111', 'management')],
		ous: [
			ou('ou-prod', 'prod', [account('222222222222', 'prod-a')], [ou('ou-eu', 'eu', [account('333333333333', 'prod-eu', 'SUSPENDED')])], [scp('FullAWSAccess'), scp('DenyTerminate')]),
			ou('ou-dev', 'dev', [account('444444444444', 'dev-a', 'PENDING_CLOSURE')]),
		],
	},
};

describe('orgAccounts', () => {
	it('every account once, in the tree order, with its path from the root', () => {
		const rows = orgAccounts(org);
		expect(rows.map(r => r.account.name)).toEqual(['management', 'prod-a', 'prod-eu', 'dev-a']);
		expect(rows.map(r => ouPathText(r.path))).toEqual(['Root', 'Root / prod', 'Root / prod / eu', 'Root / dev']);
		expect(rows[2]!.path.map(t => t.kind)).toEqual(['root', 'ou', 'ou', 'account']);
	});

	it('scpsOnPath: each SCP with where it hangs, root first, the account last', () => {
		const prodEu = orgAccounts(org)[2]!;
		expect(scpsOnPath(prodEu.path).map(({scp, target}) => `${scp.name}@${target.name}`)).toEqual([
			'FullAWSAccess@Root',
			'FullAWSAccess@prod',
			'DenyTerminate@prod',
			'FullAWSAccess@eu',
			'FullAWSAccess@prod-eu',
		]);
	});
});

describe('accessFor', () => {
	const [management, prodA, prodEu, devA] = orgAccounts(org).map(r => r.account);

	it("the caller's own account with the caller's credentials, every other active one through the role", () => {
		expect(accessFor(management!, '111111111111', 'OrganizationAccountAccessRole')).toEqual({kind: 'caller'});
		expect(accessFor(prodA!, '111111111111', 'OrganizationAccountAccessRole')).toEqual({kind: 'role', roleArn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole'});
		// A delegated administrator: the management account is read through the role, its own directly.
		expect(accessFor(management!, '222222222222', 'Audit', 'aws-us-gov')).toEqual({kind: 'role', roleArn: 'arn:aws-us-gov:iam::111111111111:role/Audit'});
	});

	it('a suspended or closing account is skipped, saying why', () => {
		expect(accessFor(prodEu!, '111111111111', 'R')).toEqual({kind: 'skip', reason: 'the account is suspended: no role can be assumed in it'});
		expect(accessFor(devA!, '111111111111', 'R')).toEqual({kind: 'skip', reason: 'the account is pending closure: no role can be assumed in it'});
	});

	it('auditRoleArn takes a path/name as --audit-role gives it; partitionOf reads the caller ARN', () => {
		expect(auditRoleArn('222222222222', '/audit/Reader')).toBe('arn:aws:iam::222222222222:role/audit/Reader');
		expect(partitionOf('arn:aws-cn:iam::222222222222:user/x')).toBe('aws-cn');
		expect(partitionOf('')).toBe('aws');
	});
});

describe('failure words', () => {
	const prodA = orgAccounts(org)[1]!.account;
	const roleArn = 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole';

	it('assume denied: which role, trusting whom, and the flag to name another', () => {
		const words = assumeFailure({kind: 'AccessDenied', message: 'access denied: your credentials lack sts:AssumeRole', hint: 'x'}, prodA, roleArn, 'arn:aws:iam::111111111111:user/auditor');
		expect(words.message).toBe(`cannot assume ${roleArn} in prod-a (222222222222): access denied`);
		expect(words.hint).toBe(
			`the role OrganizationAccountAccessRole must exist in 222222222222 and trust arn:aws:iam::111111111111:user/auditor, and your principal needs sts:AssumeRole on ${roleArn}; or name another role with --audit-role NAME`,
		);
	});

	it('any other assume failure keeps its own words and hint', () => {
		expect(assumeFailure({kind: 'Network', message: 'cannot reach sts: timed out', hint: 'check your network'}, prodA, roleArn, 'arn')).toEqual({
			message: `assuming ${roleArn} in prod-a (222222222222) failed: cannot reach sts: timed out`,
			hint: 'check your network',
		});
	});

	it('read denied through the role: attach the read-only template to that role; as the caller: the caller hint', () => {
		const denied = {kind: 'AccessDenied' as const, message: 'access denied: your credentials lack iam:GetAccountAuthorizationDetails', hint: 'attach templates/iamtui-read-only.json to your principal'};
		expect(readFailure(denied, prodA, roleArn)).toEqual({
			message: `cannot read IAM in prod-a (222222222222) as the role ${roleArn}: ${denied.message}`,
			hint: 'attach templates/iamtui-read-only.json to that role in 222222222222',
		});
		expect(readFailure(denied, prodA, undefined).hint).toBe(denied.hint);
		expect(readFailure({kind: 'Throttled', message: 'slow down', hint: 'wait'}, prodA, undefined)).toEqual({message: 'reading IAM in prod-a (222222222222) as your credentials failed: slow down', hint: 'wait'});
	});
});

it('loadCounts counts each kind of outcome', () => {
	const outcome = (load: AccountOutcome['load']): AccountOutcome => ({account: account('1', 'a'), path: [], load});
	expect(
		loadCounts([
			outcome({kind: 'loaded', snapshot: emptySnapshot()}),
			outcome({kind: 'loaded', snapshot: emptySnapshot(), roleArn: 'r'}),
			outcome({kind: 'failed', step: 'assume-role', message: 'm', hint: 'h'}),
			outcome({kind: 'skipped', reason: 'closed'}),
		]),
	).toEqual({loaded: 2, failed: 1, skipped: 1});
});
