// What a run of offboarding a person everywhere does, decided before anything is sent: --account values
// parsed, the named IAM users checked against the plan (a guess is never acted on alone; a name the plan does
// not hold is refused with the names it does hold), and a rerun of an unfinished record reduced to what is left.
import {describe, expect, it} from 'vitest';
import type {IdentityCenter, PermissionSet} from '../../source/model/org/identity-center.js';
import {offboardEverywhere} from '../../source/model/org/offboard-everywhere.js';
import {EVERYWHERE_RECORD_KIND, EVERYWHERE_RECORD_VERSION, everywhereRecordSchema, leftToDo, type EverywhereRecord} from '../../source/model/org/offboard-everywhere-record.js';
import {chooseTargets, everywhereWork, icStepsOf, parseAccountChoice, type FreshWork} from '../../source/model/org/offboard-everywhere-work.js';

const PROD = '222222222222';
const DEV = '333333333333';
const SANDBOX = '444444444444';
const set = (name: string): PermissionSet => ({arn: `arn:aws:sso:::permissionSet/ssoins-1/ps-${name}`, name, managedPolicyArns: [], customerManagedPolicies: [], boundary: {kind: 'none'}});
const admin = set('AdminAccess');

const ic: IdentityCenter = {
	instance: {arn: 'arn:aws:sso:::instance/ssoins-1', identityStoreId: 'd-1'},
	users: [{id: 'u-dana', userName: 'dana', displayName: 'Dana Kim', emails: ['dana.kim@example.com']}],
	groups: [{id: 'g-admins', displayName: 'Admins'}],
	memberships: [{membershipId: 'm-1', groupId: 'g-admins', userId: 'u-dana'}],
	permissionSets: [admin],
	assignments: [
		{accountId: PROD, permissionSetArn: admin.arn, principalType: 'GROUP', principalId: 'g-admins'},
		{accountId: DEV, permissionSetArn: admin.arn, principalType: 'USER', principalId: 'u-dana'},
	],
};

const plan = offboardEverywhere(ic, 'u-dana', [
	{accountId: PROD, accountName: 'prod', users: [{name: 'dana', tags: []}, {name: 'deployer', tags: []}]},
	{accountId: DEV, accountName: 'dev', users: [{name: 'dana', tags: []}, {name: 'dana.kim', tags: []}]},
	{accountId: SANDBOX, accountName: 'sandbox', error: 'AccessDenied assuming OrganizationAccountAccessRole'},
])!;

const header: FreshWork['header'] = {
	version: EVERYWHERE_RECORD_VERSION,
	kind: EVERYWHERE_RECORD_KIND,
	managementAccount: '111111111111',
	capturedAt: '2026-01-01T00:00:00.000Z',
	capturedBy: 'arn:aws:iam::111111111111:user/op',
	auditRole: 'OrganizationAccountAccessRole',
	person: {userId: 'u-dana', userName: 'dana', emails: ['dana.kim@example.com'], identityStoreId: 'd-1', instanceArn: ic.instance.arn},
};

const targetsOf = (choices: string[], done: Array<{accountId: string; accountName: string; user: string}> = []) => chooseTargets(plan, choices.map(c => parseAccountChoice(c)!), done);

describe('offboarding a person everywhere: what a run does', () => {
	it('--account takes ACCOUNT (id or name) or ACCOUNT:USER, nothing else', () => {
		expect(parseAccountChoice(PROD)).toEqual({account: PROD});
		expect(parseAccountChoice(`${PROD}:dana.kim`)).toEqual({account: PROD, user: 'dana.kim'});
		expect(parseAccountChoice('workload prod:dana')).toEqual({account: 'workload prod', user: 'dana'});
		expect(parseAccountChoice(`${PROD}:`)).toBeUndefined();
		expect(parseAccountChoice(`${PROD}:dana:kim`)).toBeUndefined();
	});

	it('the Identity Center removals: the membership by id, the direct assignment by account and set, each with what it takes away', () => {
		expect(icStepsOf(plan).map(s => [s.key, s.removes, s.status])).toEqual([
			['membership:m-1', [`${PROD}/AdminAccess`], 'pending'],
			[`assignment:${DEV}:${admin.arn}`, [`${DEV}/AdminAccess`], 'pending'],
		]);
	});

	it('ID names every look-alike of the account, ID:USER one; the same user named twice is one step', () => {
		const all = targetsOf([DEV]);
		expect('targets' in all && all.targets.map(t => `${t.accountId}:${t.user}`)).toEqual([`${DEV}:dana`, `${DEV}:dana.kim`]);
		const one = targetsOf([`${PROD}:dana`, PROD, 'prod:dana']);
		expect('targets' in one && one.targets.map(t => [t.user, t.matchedBy])).toEqual([['dana', ['user name equals the IC user name']]]);
		expect(targetsOf([])).toEqual({targets: []});
	});

	it('a user that does not look like the person, an unknown account or an unreadable one is refused, with the names the plan holds', () => {
		const deployer = targetsOf([`${PROD}:deployer`]);
		expect(deployer).toMatchObject({refused: `--account ${PROD}:deployer: deployer in prod (${PROD}) does not look like dana`});
		expect('hint' in deployer && deployer.hint).toBe(`IAM users that look like dana: --account ${PROD}:dana (prod); --account ${DEV}:dana, --account ${DEV}:dana.kim (dev)`);
		expect(targetsOf(['999999999999'])).toMatchObject({refused: '--account 999999999999: no account 999999999999 in the organization as read (by id or name)'});
		const byName = targetsOf(['dev:dana.kim']);
		expect('targets' in byName && byName.targets.map(t => `${t.accountId}:${t.user}`)).toEqual([`${DEV}:dana.kim`]);
		expect(targetsOf([SANDBOX])).toMatchObject({refused: expect.stringContaining('could not be read (AccessDenied assuming OrganizationAccountAccessRole)')});
	});

	it('a user an earlier run offboarded (gone from the plan since) is nothing to do, not a refusal', () => {
		const gone = offboardEverywhere(ic, 'u-dana', [{accountId: PROD, accountName: 'prod', users: [{name: 'deployer', tags: []}]}])!;
		const earlier = [{accountId: PROD, accountName: 'prod', user: 'dana'}];
		expect(chooseTargets(gone, [{account: PROD, user: 'dana'}], earlier)).toEqual({targets: []});
		expect(chooseTargets(gone, [{account: 'prod'}], earlier)).toEqual({targets: []});
		expect(chooseTargets(gone, [{account: PROD, user: 'dana'}], [])).toHaveProperty('refused');
		expect(chooseTargets(gone, [{account: PROD, user: 'deployer'}], earlier)).toHaveProperty('refused');
	});

	it('a first run: a new record of every step, pending, that the record schema accepts', () => {
		const chosen = targetsOf([`${PROD}:dana`]);
		const {record, found} = everywhereWork(undefined, {header, identityCenter: icStepsOf(plan), accounts: 'targets' in chosen ? chosen.targets : []}, new Date());
		expect(found).toEqual([]);
		expect(everywhereRecordSchema.parse(record)).toEqual(record);
		expect(leftToDo(record).identityCenter).toHaveLength(2);
		expect(leftToDo(record).accounts.map(a => a.user)).toEqual(['dana']);
	});

	it('a rerun of an unfinished record: done stays done, a removal Identity Center no longer holds is "already removed" unsent, new things are added and said', () => {
		const [membership, assignment] = icStepsOf(plan);
		const unfinished: EverywhereRecord = {
			...header,
			identityCenter: [{...membership!, status: 'done'}, {...assignment!, status: 'failed', message: 'throttled'}],
			accounts: [{accountId: PROD, accountName: 'prod', user: 'dana', matchedBy: ['user name equals the IC user name'], status: 'failed', message: 'HTTP 500'}],
			finishedAt: null,
		};
		// Since: the direct assignment was removed by hand; she joined a new group; the operator names dev too.
		const fresh: FreshWork = {
			header: {...header, capturedAt: '2026-02-02T00:00:00.000Z'},
			identityCenter: [{...membership!, key: 'membership:m-2', membershipId: 'm-2', groupName: 'Readers'}],
			accounts: [
				{accountId: PROD, accountName: 'prod', user: 'dana', matchedBy: [], status: 'pending'},
				{accountId: DEV, accountName: 'dev', user: 'dana', matchedBy: ['user name equals the IC user name'], status: 'pending'},
			],
		};
		const at = new Date('2026-02-02T00:00:00.000Z');
		const {record, found} = everywhereWork(unfinished, fresh, at);
		expect(record.capturedAt).toBe(header.capturedAt);
		expect(record.identityCenter.map(s => [s.key, s.status, s.message])).toEqual([
			['membership:m-1', 'done', undefined],
			[assignment!.key, 'done', 'already removed (Identity Center no longer holds it)'],
			['membership:m-2', 'pending', undefined],
		]);
		expect(record.accounts.map(a => `${a.accountId}:${a.user}:${a.status}`)).toEqual([`${PROD}:dana:failed`, `${DEV}:dana:pending`]);
		expect(found).toEqual(['remove dana from the Identity Center group Readers (membership m-2)', `offboard dana in dev (${DEV})`]);
		expect(record.resumes).toEqual([{at: at.toISOString(), found}]);
		expect(leftToDo(record).identityCenter.map(s => s.key)).toEqual(['membership:m-2']);
		expect(leftToDo(record).accounts.map(a => a.accountId)).toEqual([PROD, DEV]);
	});
});
