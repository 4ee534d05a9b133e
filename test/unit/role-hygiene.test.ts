// Role hygiene: unused for 90 days (never used vs unused N d, service-linked roles marked, never nagged),
// trust that reaches outside the account named (*, NotPrincipal, another account, unknown principals).
import {describe, expect, it} from 'vitest';
import {filterRoleHygiene, findingCell, roleFindingCounts, roleHygiene, roleHygieneRows} from '../../source/model/role-hygiene.js';
import {roleRows} from '../../source/model/role-views.js';
import type {Role} from '../../source/model/snapshot.js';
import {ACCOUNT, OTHER_ACCOUNT, accountWithRoles, roleOf, trustPolicy, trusts, ROOT} from '../fixtures/roles.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const role = (name: string, extra: Partial<Role> = {}, trust = trustPolicy(trusts(ROOT))): Role => ({...roleOf(name, {trust}), createDate: ago(400), ...extra});
const texts = (r: Role) => roleHygiene(r, NOW).findings.map(f => f.text);

describe('roleHygiene: use', () => {
	it.each([
		['used 91 days ago', {lastUsed: {date: ago(91.5)}}, ['unused 91 d']],
		['used exactly 90 days ago', {lastUsed: {date: ago(90)}}, ['unused 90 d']],
		['used 89 days ago: fine', {lastUsed: {date: ago(89)}}, []],
		['never used, made 400 days ago', {}, ['never used']],
		['never used, made 10 days ago: not idle yet', {createDate: ago(10)}, []],
		['never used, creation date unreadable: said', {createDate: 'garbage'}, ['never used']],
		['last use unreadable, old role: never used', {lastUsed: {date: 'not a date'}}, ['never used']],
	])('%s', (_name, extra, expected) => {
		expect(texts(role('r', extra))).toEqual(expected);
	});

	it('a service-linked role is marked as such and never flagged for use', () => {
		const linked = roleHygiene(role('AWSServiceRoleForSupport', {path: '/aws-service-role/support.amazonaws.com/'}, trustPolicy(trusts({Service: 'support.amazonaws.com'}))), NOW);
		expect(linked).toMatchObject({serviceLinked: true, findings: []});
		expect(linked.idleDays).toBe(400);
	});

	it('the threshold is the caller\'s', () => {
		expect(roleHygiene(role('r', {lastUsed: {date: ago(31)}}), NOW, 30).findings.map(f => f.text)).toEqual(['unused 31 d']);
	});
});

describe('roleHygiene: trust outside the account', () => {
	it.each([
		['Principal *', trusts('*'), ['trusted by * (anyone, in any account)']],
		['AWS *', trusts({AWS: '*'}), ['trusted by * (anyone, in any account)']],
		['another account root', trusts(`arn:aws:iam::${OTHER_ACCOUNT}:root`), [`trusted by unknown account ${OTHER_ACCOUNT}`]],
		['another account id', trusts(OTHER_ACCOUNT), [`trusted by unknown account ${OTHER_ACCOUNT}`]],
		['a user of another account', trusts(`arn:aws:iam::${OTHER_ACCOUNT}:user/bob`), [`trusted by user bob of unknown account ${OTHER_ACCOUNT}`]],
		['a dangling unique id', trusts('AIDAEXAMPLEDELETED1'), ['trusted by unknown principal AIDAEXAMPLEDELETED1']],
		['NotPrincipal', {Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${ACCOUNT}:user/eve`}, Action: 'sts:AssumeRole'}, [`trusted by * (anyone) except arn:aws:iam::${ACCOUNT}:user/eve (NotPrincipal)`]],
		['this account: fine', trusts(ROOT), []],
		['a user of this account: fine', trusts(`arn:aws:iam::${ACCOUNT}:user/ana`), []],
		['a service: fine', trusts({Service: 'ec2.amazonaws.com'}), []],
		['a Deny naming *: not a trust', {Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole'}, []],
	])('%s', (_name, statement, expected) => {
		expect(texts(role('r', {lastUsed: {date: ago(1)}}, trustPolicy(statement)))).toEqual(expected);
	});

	it('a malformed trust policy is a finding, with what was wrong', () => {
		expect(texts(role('r', {lastUsed: {date: ago(1)}}, '{"Statement": ['))).toEqual(['trust policy malformed: the trust policy is not valid JSON']);
	});

	it('each principal once, several findings together, counted per kind', () => {
		const open = role('open', {}, trustPolicy(trusts('*'), trusts({AWS: ['*', `arn:aws:iam::${OTHER_ACCOUNT}:root`]})));
		expect(texts(open)).toEqual(['never used', 'trusted by * (anyone, in any account)', `trusted by unknown account ${OTHER_ACCOUNT}`]);
		const rows = roleHygieneRows([open, role('fine', {lastUsed: {date: ago(1)}}), role('old', {lastUsed: {date: ago(200)}})], NOW);
		expect(roleFindingCounts(rows)).toBe('1 unused · 1 never used · 1 * trust · 1 other account');
		expect(findingCell(rows[0]!.findings)).toBe('never used, * trust, other account');
		expect(filterRoleHygiene(rows, 'unknown account').map(r => r.name)).toEqual(['open']);
		expect(filterRoleHygiene(rows, 'unused 200').map(r => r.name)).toEqual(['old']);
	});
});

describe('the Roles list rows carry the findings when given now', () => {
	it('findings with now, none without', () => {
		const index = accountWithRoles({roles: {Partner: {trust: trustPolicy(trusts(`arn:aws:iam::${OTHER_ACCOUNT}:root`))}}});
		expect(roleRows(index)[0]!.findings).toEqual([]);
		expect(roleRows(index, NOW)[0]!.findings.map(f => f.text)).toEqual(['never used', `trusted by unknown account ${OTHER_ACCOUNT}`]);
		expect(roleRows(index, NOW)[0]!.search).toContain('unknown account');
	});
});
