import {describe, expect, it} from 'vitest';
import type {OrgAccount, OrgRoot, OrgUnit, Organization, ServiceControlPolicy} from '../../source/model/org/organization.js';
import {scpNote} from '../../source/model/org/org-who-can.js';
import {scpVerdict, type ScpVerdict} from '../../source/model/org/scp-verdict.js';

const doc = (...Statement: object[]) => ({Version: '2012-10-17', Statement});
const scp = (name: string, ...statements: object[]): ServiceControlPolicy => ({id: `p-${name}`, name, document: doc(...statements)});
const fullAccess = scp('FullAWSAccess', {Effect: 'Allow', Action: '*', Resource: '*'});
const denyS3Delete = scp('DenyS3Delete', {Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*'});
const allowS3Only = scp('AllowS3Only', {Effect: 'Allow', Action: 's3:*', Resource: '*'});
const denyOutsideRegion = scp('DenyOutsideEU', {Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}});
const denyAllButIam = scp('DenyAllButIam', {Effect: 'Deny', NotAction: 'iam:*', Resource: '*'});
const allowIfTagged = scp('AllowIfTagged', {Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: {StringEquals: {'aws:PrincipalTag/team': 'data'}}});

const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';
const account = (id: string, ...scps: ServiceControlPolicy[]): OrgAccount => ({id, name: `acct-${id}`, kind: 'account', scps});
const ou = (name: string, scps: ServiceControlPolicy[], accounts: OrgAccount[], ous: OrgUnit[] = []): OrgUnit => ({id: `ou-${name}`, name, kind: 'ou', scps, accounts, ous});
const org = (rootScps: ServiceControlPolicy[], ous: OrgUnit[], accounts: OrgAccount[] = []): Organization => {
	const root: OrgRoot = {id: 'r-root', name: 'Root', kind: 'root', scps: rootScps, ous, accounts: [account(MANAGEMENT, fullAccess), ...accounts]};
	return {managementAccountId: MANAGEMENT, root};
};

const summary = (v: ScpVerdict): string => {
	if (v.kind === 'denied') return `denied ${v.how} by ${v.decider.scp?.name ?? '(none)'} at ${v.decider.target.kind} ${v.decider.target.name}`;
	if (v.kind === 'conditional') return `conditional on ${v.conditions.map(c => `${c.effect} ${c.key}`).join(', ')} from ${v.deciders.map(d => d.scp?.name).join(', ')}`;
	return v.kind;
};

const BUCKET = 'arn:aws:s3:::data';
// Sources: IAM User Guide "Policy evaluation logic" (SCP step) and Organizations User Guide "SCP evaluation".
const cases: Array<{name: string; source: string; org: Organization; account?: string; action: string; resource?: string; expected: string}> = [
	{name: 'FullAWSAccess everywhere allows', source: 'Orgs UG: "FullAWSAccess ... attached to every root, OU and account"', org: org([fullAccess], [ou('prod', [fullAccess], [account(MEMBER, fullAccess)])]), action: 's3:GetObject', resource: `${BUCKET}/k`, expected: 'permitted'},
	{name: 'deny at OU wins over FullAWSAccess', source: 'Orgs UG: "an explicit deny in any SCP ... overrides any allow"', org: org([fullAccess], [ou('prod', [fullAccess, denyS3Delete], [account(MEMBER, fullAccess)])]), action: 's3:DeleteBucket', resource: BUCKET, expected: 'denied explicit-deny by DenyS3Delete at ou prod'},
	{name: 'deny at OU leaves other actions alone', source: 'Orgs UG: deny list strategy', org: org([fullAccess], [ou('prod', [fullAccess, denyS3Delete], [account(MEMBER, fullAccess)])]), action: 's3:GetObject', resource: `${BUCKET}/k`, expected: 'permitted'},
	{name: 'FullAWSAccess only at root: OU without allow denies', source: 'Orgs UG: "for a permission to be allowed ... every SCP in the path from the root ... must allow it"', org: org([fullAccess], [ou('prod', [], [account(MEMBER, fullAccess)])]), action: 's3:GetObject', resource: `${BUCKET}/k`, expected: 'denied no-allow by (none) at ou prod'},
	{name: 'allow missing at root denies', source: 'Orgs UG: SCP evaluation, root level must allow', org: org([allowS3Only], [ou('prod', [fullAccess], [account(MEMBER, fullAccess)])]), action: 'ec2:RunInstances', expected: 'denied no-allow by (none) at root Root'},
	{name: 'allow missing at account denies', source: 'Orgs UG: "the account ... must allow it"', org: org([fullAccess], [ou('prod', [fullAccess], [account(MEMBER, allowS3Only)])]), action: 'ec2:RunInstances', expected: 'denied no-allow by (none) at account acct-222222222222'},
	{name: 'allow-list SCP at OU lets its service through', source: 'Orgs UG: allow list strategy', org: org([fullAccess], [ou('prod', [allowS3Only], [account(MEMBER, fullAccess)])]), action: 's3:PutObject', resource: `${BUCKET}/k`, expected: 'permitted'},
	{name: 'missing allow in a nested OU denies', source: 'Orgs UG: every OU on the path must allow', org: org([fullAccess], [ou('prod', [fullAccess], [], [ou('team', [allowS3Only], [account(MEMBER, fullAccess)])])]), action: 'iam:CreateUser', expected: 'denied no-allow by (none) at ou team'},
	{name: 'deny in nested OU names the nested OU', source: 'Orgs UG: explicit deny at any level', org: org([fullAccess], [ou('prod', [fullAccess], [], [ou('team', [fullAccess, denyS3Delete], [account(MEMBER, fullAccess)])])]), action: 's3:DeleteBucket', resource: BUCKET, expected: 'denied explicit-deny by DenyS3Delete at ou team'},
	{name: 'deny with condition is conditional', source: 'IAM UG: conditions in SCP statements are evaluated per request', org: org([fullAccess], [ou('prod', [fullAccess, denyOutsideRegion], [account(MEMBER, fullAccess)])]), action: 's3:DeleteBucket', resource: BUCKET, expected: 'conditional on Deny aws:RequestedRegion from DenyOutsideEU'},
	{name: 'NotAction deny leaves IAM through', source: 'Orgs UG: SCP syntax, NotAction with Deny', org: org([fullAccess], [ou('prod', [fullAccess, denyAllButIam], [account(MEMBER, fullAccess)])]), action: 'iam:CreateUser', expected: 'permitted'},
	{name: 'NotAction deny blocks everything else', source: 'Orgs UG: SCP syntax, NotAction with Deny', org: org([fullAccess], [ou('prod', [fullAccess, denyAllButIam], [account(MEMBER, fullAccess)])]), action: 's3:GetObject', resource: `${BUCKET}/k`, expected: 'denied explicit-deny by DenyAllButIam at ou prod'},
	{name: 'management account is exempt even from a root deny', source: 'Orgs UG: "SCPs don\'t affect ... the management account"', org: org([fullAccess, denyS3Delete], []), account: MANAGEMENT, action: 's3:DeleteBucket', resource: BUCKET, expected: 'exempt'},
	{name: 'account-level SCP deny', source: 'Orgs UG: SCPs attached directly to an account', org: org([fullAccess], [ou('prod', [fullAccess], [account(MEMBER, fullAccess, denyS3Delete)])]), action: 's3:DeleteBucket', resource: BUCKET, expected: 'denied explicit-deny by DenyS3Delete at account acct-222222222222'},
	{name: 'root-level deny reaches member accounts', source: 'Orgs UG: SCPs at root apply to every account but the management one', org: org([fullAccess, denyS3Delete], [ou('prod', [fullAccess], [account(MEMBER, fullAccess)])]), action: 's3:DeleteBucket', resource: BUCKET, expected: 'denied explicit-deny by DenyS3Delete at root Root'},
	{name: 'conditional allow is conditional', source: 'IAM UG: Allow with condition applies only when it holds', org: org([fullAccess], [ou('prod', [allowIfTagged], [account(MEMBER, fullAccess)])]), action: 's3:GetObject', resource: `${BUCKET}/k`, expected: 'conditional on Allow aws:PrincipalTag/team from AllowIfTagged'},
	{name: 'account directly under root', source: 'Orgs UG: path is root then account', org: org([allowS3Only], [], [account(MEMBER, fullAccess)]), action: 'ec2:RunInstances', expected: 'denied no-allow by (none) at root Root'},
];

describe('scpVerdict', () => {
	it.each(cases)('$name ($source)', async c => {
		expect(summary(await scpVerdict(c.org, c.account ?? MEMBER, c.action, c.resource ?? '*'))).toBe(c.expected);
	});
	it('a request context settles a conditional SCP either way; a key it does not give leaves it conditional; the organization\'s own facts win over it', async () => {
		const tree = org([fullAccess], [ou('prod', [denyOutsideRegion, allowIfTagged], [account(MEMBER, fullAccess)])]);
		const ask = (request?: Record<string, string>) => scpVerdict(tree, MEMBER, 's3:DeleteBucket', BUCKET, request).then(summary);
		expect(await ask()).toBe('conditional on Deny aws:RequestedRegion, Allow aws:PrincipalTag/team from DenyOutsideEU, AllowIfTagged');
		expect(await ask({'aws:RequestedRegion': 'us-east-1'})).toBe('denied explicit-deny by DenyOutsideEU at ou prod');
		// The region settled, the tag still unknown: conditional on the tag alone.
		expect(await ask({'aws:RequestedRegion': 'eu-west-1'})).toBe('conditional on Allow aws:PrincipalTag/team from AllowIfTagged');
		expect(await ask({'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': 'data'})).toBe('permitted');
		// What the context settled is kept with the verdict, and worded as can says what decided.
		const denied = await scpVerdict(tree, MEMBER, 's3:DeleteBucket', BUCKET, {'aws:RequestedRegion': 'us-east-1'});
		expect(denied.kind === 'denied' && denied.settled?.map(s => [s.condition.key, s.condition.holds, s.decider.scp?.name])).toEqual([['aws:RequestedRegion', true, 'DenyOutsideEU']]);
		expect(scpNote(denied)).toBe('denied here by SCP DenyOutsideEU on OU prod — decided by aws:RequestedRegion=us-east-1: StringNotEquals aws:RequestedRegion eu-west-1 holds (SCP DenyOutsideEU on OU prod)');
		const through = await scpVerdict(tree, MEMBER, 's3:DeleteBucket', BUCKET, {'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': 'data'});
		expect(scpNote(through)).toBe(
			'SCPs let it through with the context given — decided by aws:RequestedRegion=eu-west-1: StringNotEquals aws:RequestedRegion eu-west-1 does not hold (SCP DenyOutsideEU on OU prod); decided by aws:PrincipalTag/team=data: StringEquals aws:PrincipalTag/team data holds (SCP AllowIfTagged on OU prod)',
		);
		// Without a context nothing is said of a plain allow.
		expect(scpNote(await scpVerdict(tree, MEMBER, 's3:GetObject', `${BUCKET}/k`, {'aws:PrincipalTag/team': 'data'}))).toBe(
			'SCPs let it through with the context given — decided by aws:PrincipalTag/team=data: StringEquals aws:PrincipalTag/team data holds (SCP AllowIfTagged on OU prod)',
		);
		expect(scpNote(await scpVerdict(org([fullAccess], [ou('prod', [fullAccess], [account(MEMBER, fullAccess)])]), MEMBER, 's3:GetObject', `${BUCKET}/k`))).toBeUndefined();
		// A conditional allow the context makes fail: no SCP there allows it, said with what decided.
		expect(scpNote(await scpVerdict(tree, MEMBER, 's3:GetObject', `${BUCKET}/k`, {'aws:PrincipalTag/team': 'web'}))).toBe(
			'no SCP on OU prod allows it, so it is denied here — decided by aws:PrincipalTag/team=web: StringEquals aws:PrincipalTag/team data does not hold (SCP AllowIfTagged on OU prod)',
		);
		// The account the principal is in is the organization's fact, not the request's to say.
		const inAccount = org([fullAccess], [ou('prod', [fullAccess, scp('OwnAccountOnly', {Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: {StringNotEquals: {'aws:PrincipalAccount': MEMBER}}})], [account(MEMBER, fullAccess)])]);
		expect(summary(await scpVerdict(inAccount, MEMBER, 's3:GetObject', `${BUCKET}/k`, {'aws:PrincipalAccount': '999999999999'}))).toBe('permitted');
	});

	it('an account outside the tree is unknown', async () => {
		expect((await scpVerdict(org([fullAccess], []), '999999999999', 's3:GetObject', '*')).kind).toBe('unknown');
	});
});
