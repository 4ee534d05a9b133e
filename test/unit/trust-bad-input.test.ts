// Bad input in trust policies, as a table: malformed JSON, NotPrincipal, unknown principal forms, federated
// principals without a provider, names and paths at IAM's limits, chain cycles. Each is read without
// throwing, shown in the Roles list's words, and flagged (a problem or a finding), never silently dropped.
import {describe, expect, it} from 'vitest';
import {roleCycle} from '../../source/model/role-cycles.js';
import {roleHygiene} from '../../source/model/role-hygiene.js';
import {roleRows} from '../../source/model/role-views.js';
import {parseTrustPolicy, trustedShort} from '../../source/model/trust-principals.js';
import {ACCOUNT, accountWithRoles, roleArn, roleOf, trustPolicy, trusts} from '../fixtures/roles.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const statement = (principal: unknown, extra: Record<string, unknown> = {}) => trustPolicy({Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra});

// [name, trust text, what the Roles list shows, problems (regex, or none), findings (texts)]
const cases: Array<[string, string, string[], RegExp | undefined, string[]]> = [
	['not JSON', '{"Statement": [', ['(malformed trust policy)'], /not valid JSON/, ['trust policy malformed: the trust policy is not valid JSON']],
	['empty text', '', ['(malformed trust policy)'], /no trust policy/, ['trust policy malformed: no trust policy']],
	['JSON null', 'null', ['(malformed trust policy)'], /not a JSON object/, ['trust policy malformed: the trust policy is not a JSON object']],
	['a bare string', '"sts:AssumeRole"', ['(malformed trust policy)'], /not a JSON object/, ['trust policy malformed: the trust policy is not a JSON object']],
	['no Statement', '{"Version":"2012-10-17"}', ['(malformed trust policy)'], /no Statement/, ['trust policy malformed: the trust policy has no Statement']],
	['Statement a number', '{"Statement": 7}', ['(malformed trust policy)'], /statement 1 is not an object/, ['trust policy malformed: statement 1 is not an object']],
	['one good statement, one broken: the good one kept', trustPolicy(trusts(`arn:aws:iam::${ACCOUNT}:root`), 'oops' as never), ['account'], /statement 2 is not an object/, ['trust policy malformed: statement 2 is not an object']],
	['Effect missing', trustPolicy({Principal: {AWS: `arn:aws:iam::${ACCOUNT}:root`}, Action: 'sts:AssumeRole'}), [], /no valid Effect/, ['trust policy malformed: statement 1 has no valid Effect']],
	['Principal a number', statement(42), [], /neither "\*" nor an object/, [expect.stringMatching(/^trust policy malformed: a Principal that is neither/) as unknown as string]],
	['NotPrincipal (Allow): anyone but', trustPolicy({Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${ACCOUNT}:user/eve`}, Action: 'sts:AssumeRole'}), ['* (anyone!) except user eve'], undefined, [`trusted by * (anyone) except arn:aws:iam::${ACCOUNT}:user/eve (NotPrincipal)`]],
	['NotPrincipal not an object', trustPolicy({Effect: 'Allow', NotPrincipal: 5, Action: 'sts:AssumeRole'}), ['* (anyone!) except (an unreadable NotPrincipal)'], /neither "\*" nor an object/, ['trusted by * (anyone) except (an unreadable NotPrincipal) (NotPrincipal)', expect.stringMatching(/^trust policy malformed/) as unknown as string]],
	['federated without a provider', statement({Federated: ''}), ['federated (no provider)'], /Federated principal without a provider/, ['trust policy malformed: a Federated principal without a provider']],
	['federated, empty list', statement({Federated: []}), [], /empty "Federated" principal/, ['trust policy malformed: an empty "Federated" principal']],
	['federated OIDC of this account: fine', statement({Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`}), [`federated arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`], undefined, []],
	['CanonicalUser (an S3 form)', statement({CanonicalUser: '79a59df900b949e55d96a1e698fbaced'}), ['unknown CanonicalUser: 79a59df900b949e55d96a1e698fbaced'], undefined, ['trusted by unknown principal CanonicalUser: 79a59df900b949e55d96a1e698fbaced']],
	['an STS session ARN', statement({AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/ana`}), [`unknown arn:aws:sts::${ACCOUNT}:assumed-role/Admin/ana`], undefined, [`trusted by unknown principal arn:aws:sts::${ACCOUNT}:assumed-role/Admin/ana`]],
	['an account id of 11 digits', statement({AWS: '12345678901'}), ['unknown 12345678901'], undefined, ['trusted by unknown principal 12345678901']],
	['a number as AWS principal', statement({AWS: [123]}), ['unknown 123'], undefined, ['trusted by unknown principal 123']],
	['a role ARN with no name', statement({AWS: `arn:aws:iam::${ACCOUNT}:role/`}), [`unknown arn:aws:iam::${ACCOUNT}:role/`], undefined, [`trusted by unknown principal arn:aws:iam::${ACCOUNT}:role/`]],
	['an empty AWS list', statement({AWS: []}), [], /empty "AWS" principal/, ['trust policy malformed: an empty "AWS" principal']],
	['a user ARN with an unusual path', statement({AWS: `arn:aws:iam::${ACCOUNT}:user/a+b=c,d.e@f-g/ana`}), ['user ana'], undefined, []],
	['a role of another account with a long path', statement({AWS: `arn:aws:iam::999988887777:role/${'p/'.repeat(20)}x`}), ['role x (account 999988887777)'], undefined, ['trusted by role x of unknown account 999988887777']],
	['a terminal escape in a principal: kept as text (screens make it inert)', statement({AWS: 'evil\u001b[31m'}), ['unknown evil\u001b[31m'], undefined, ['trusted by unknown principal evil\u001b[31m']],
	['Statement: [] trusts nobody', trustPolicy(), [], undefined, []],
];

describe('trust policies with bad input', () => {
	it.each(cases)('%s', (_name, text, shown, problem, findings) => {
		const trust = parseTrustPolicy(text);
		if (problem) expect(trust.problems.join('\n')).toMatch(problem);
		else expect(trust.problems).toEqual([]);
		expect(trustedShort(trust, ACCOUNT)).toEqual(shown);
		const role = {...roleOf('R', {trust: text}), lastUsed: {date: '2026-12-01T00:00:00Z'}};
		expect(roleHygiene(role, NOW).findings.map(f => f.text)).toEqual(findings);
		// The Roles list keeps the role: never dropped.
		expect(roleRows(accountWithRoles({roles: {R: {trust: text}}}), NOW).map(r => r.name)).toEqual(['R']);
	});

	it('has the breadth asked for', () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});
});

describe('names and paths at IAM\'s limits', () => {
	it('a 64-character role name and a path of unusual characters are read like any other', () => {
		const name = `${'r'.repeat(60)}+=,@`;
		expect(name).toHaveLength(64);
		const index = accountWithRoles({roles: {[name]: {trust: trustPolicy(trusts(roleArn(name)))}}});
		const [row] = roleRows(index, NOW);
		expect(row).toMatchObject({name, trusted: [`role ${name}`]});
		// Names itself: a cycle of one.
		expect(row!.cycle).toEqual([name, name]);
		const odd = {...roleOf('x', {trust: trustPolicy(trusts(`arn:aws:iam::${ACCOUNT}:root`))}), path: '/a!b"c#d$e%/~/'};
		expect(roleRows({...index, snapshot: {...index.snapshot, roles: [odd]}} as typeof index, NOW)[0]).toMatchObject({path: '/a!b"c#d$e%/~/', trusted: ['account']});
	});
});

describe('chain cycles', () => {
	const chain = (links: Record<string, string[]>) =>
		Object.entries(links).map(([name, trusted]) => roleOf(name, {trust: trusted.length > 0 ? trustPolicy(...trusted.map(t => trusts(roleArn(t)))) : trustPolicy(trusts(`arn:aws:iam::${ACCOUNT}:root`))}));

	it.each([
		['A and B trust each other', {A: ['B'], B: ['A']}, 'A', ['A', 'B', 'A']],
		['a loop of three', {A: ['C'], B: ['A'], C: ['B']}, 'A', ['A', 'B', 'C', 'A']],
		['a loop of three, seen from B', {A: ['C'], B: ['A'], C: ['B']}, 'B', ['B', 'C', 'A', 'B']],
		['a role naming itself', {A: ['A']}, 'A', ['A', 'A']],
		['a chain without a loop', {A: [], B: ['A'], C: ['B']}, 'A', undefined],
		['a loop the role is not on', {A: [], B: ['A', 'C'], C: ['B']}, 'A', undefined],
	])('%s', (_name, links, from, expected) => {
		expect(roleCycle(chain(links), from)).toEqual(expected);
	});

	it('a trust naming a role of another account is not a link', () => {
		const roles = [roleOf('A', {trust: trustPolicy(trusts(roleArn('B', '999988887777')))}), roleOf('B', {trust: trustPolicy(trusts(roleArn('A')))})];
		expect(roleCycle(roles, 'A')).toBeUndefined();
	});
});
