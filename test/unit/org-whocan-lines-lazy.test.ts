// Org-wide who-can lines are built for every principal of every account (tens of thousands at the bench's
// 50 × 500) while a screen shows a few dozen: a line's text, which reads the user's path through roles (built
// when first read), is made when the line is drawn, once. The answer here is a real who-can answer (W9's
// account: dev reaches ec2:TerminateInstances through the account-trusted Admin role).
import {expect, it} from 'vitest';
import {buildAccessModel, whoCan, type WhoCanEntry} from '../../source/model/access.js';
import type {RolePath} from '../../source/model/access/types.js';
import {throughRolesDecision} from '../../source/model/access/who-can-roles.js';
import {orgWhoCan, type OrgAccountAnswer} from '../../source/model/org/org-who-can.js';
import {orgWhoCanLines} from '../../source/ui/screens/org-whocan-lines.js';
import {PROD, orgWith, scp} from '../fixtures/org-shape.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts} from '../fixtures/roles.js';

/** The entry with its throughRoles read counted (copied by descriptor: copying does not read it). */
const counting = (entry: WhoCanEntry, reads: {n: number}): WhoCanEntry => {
	const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(entry)) as WhoCanEntry;
	return Object.defineProperty(copy, 'throughRoles', {
		enumerable: true,
		get() {
			reads.n++;
			return entry.throughRoles;
		},
	});
};

it("builds every line without reading a user's path through roles; the text reads it when drawn, once", async () => {
	const index = accountWithRoles({
		users: {dev: {groups: ['Developers']}},
		groups: {Developers: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}}},
	});
	const answer = await whoCan(buildAccessModel(index), 'ec2:TerminateInstances');
	if (!answer.ok) throw new Error(answer.message);
	const reads = {n: 0};
	const account: OrgAccountAnswer = {
		accountId: '123456789012', accountName: 'dev', scp: {kind: 'permitted'}, rcp: {kind: 'permitted'},
		users: answer.users.map(u => counting(u, reads)), groups: answer.groups, roles: answer.roles, people: [],
		blockedByScp: 0, blockedByRcp: 0, contextChanged: [], notes: [],
	};
	const lines = orgWhoCanLines([account], 1, () => {});
	expect(reads.n).toBe(0);
	const dev = lines.find(line => line.key.endsWith('-user-dev'))!;
	expect(dev.text).toBe('user dev  Allowed  IAM user dev → group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin (trust statement #1: the account) → inline policy Everything → statement #1');
	expect(reads.n).toBe(1);
	expect(dev.text).toBe(lines.find(line => line.key.endsWith('-user-dev'))!.text);
	expect(reads.n).toBe(1);
	expect(lines.map(line => line.key)).toEqual(['account-123456789012', 'account-123456789012-user-dev', 'account-123456789012-role-Admin']);
});

it("an SCP that makes an account's answers Conditional leaves each user's path through roles unbuilt: the copy reads the account's own", async () => {
	const index = accountWithRoles({
		users: {dev: {groups: ['Developers']}},
		groups: {Developers: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}}},
	});
	const onlyInEu = scp('TerminateOnlyInEU', {Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}});
	const capped = async () => {
		const answer = await whoCan(buildAccessModel(index), 'ec2:TerminateInstances');
		if (!answer.ok) throw new Error(answer.message);
		const [prod] = await orgWhoCan(orgWith([onlyInEu]), [{accountId: PROD, accountName: 'prod', answer}], undefined, 'ec2:TerminateInstances');
		expect(prod!.users.map(u => [u.name, u.decision])).toEqual([['dev', 'Conditional']]);
		return {own: answer.users[0]!, copy: prod!.users[0]!};
	};
	// A path built when the SCP capped the entry (a spread of it reads the accessor) would not be the one set after.
	const first = await capped();
	const later: RolePath[] = [];
	first.own.throughRoles = later;
	expect(first.copy.throughRoles).toBe(later);
	// Read, it is the account's path: built once, the same for both.
	const second = await capped();
	expect(second.copy.throughRoles!.map(path => path.role)).toEqual(['Admin']);
	expect(second.copy.throughRoles).toBe(second.own.throughRoles);
	expect(throughRolesDecision(second.copy)).toBe('Allowed');
});
