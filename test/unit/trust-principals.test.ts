import {describe, expect, it} from 'vitest';
import {accountOfArn, conditionText, parseTrustPolicy, principalShort, trustedShort} from '../../source/model/trust-principals.js';

const OWN = '123456789012';
const doc = (...statements: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement: statements});
const allow = (Principal: unknown, extra: Record<string, unknown> = {}) => ({Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...extra});

describe('parseTrustPolicy', () => {
	it.each([
		['account root ARN', {AWS: `arn:aws:iam::${OWN}:root`}, {kind: 'account', value: OWN, accountId: OWN}, 'account'],
		['bare account id', {AWS: OWN}, {kind: 'account', value: OWN}, 'account'],
		['other account', {AWS: 'arn:aws:iam::111122223333:root'}, {kind: 'account', value: '111122223333'}, 'other account 111122223333'],
		['user ARN with a path', {AWS: `arn:aws:iam::${OWN}:user/eng/ana`}, {kind: 'user', value: 'ana', accountId: OWN}, 'user ana'],
		['role ARN', {AWS: `arn:aws:iam::${OWN}:role/Deploy`}, {kind: 'role', value: 'Deploy'}, 'role Deploy'],
		['user in another account', {AWS: 'arn:aws:iam::111122223333:user/bob'}, {kind: 'user', value: 'bob'}, 'user bob (account 111122223333)'],
		['service', {Service: 'ec2.amazonaws.com'}, {kind: 'service', value: 'ec2.amazonaws.com'}, 'ec2.amazonaws.com'],
		['star', '*', {kind: 'anyone', value: '*'}, '* (anyone!)'],
		['AWS star', {AWS: '*'}, {kind: 'anyone'}, '* (anyone!)'],
		['SAML provider', {Federated: `arn:aws:iam::${OWN}:saml-provider/Okta`}, {kind: 'federated', accountId: OWN}, `federated arn:aws:iam::${OWN}:saml-provider/Okta`],
		['dangling unique id', {AWS: 'AIDAEXAMPLEDELETED1'}, {kind: 'unknown', value: 'AIDAEXAMPLEDELETED1'}, 'unknown AIDAEXAMPLEDELETED1'],
		['canonical user', {CanonicalUser: 'abc'}, {kind: 'unknown', value: 'CanonicalUser: abc'}, 'unknown CanonicalUser: abc'],
	])('%s', (_name, principal, expected, short) => {
		const parsed = parseTrustPolicy(doc(allow(principal)));
		expect(parsed.problems).toEqual([]);
		expect(parsed.statements[0]!.principals[0]).toMatchObject(expected);
		expect(principalShort(parsed.statements[0]!.principals[0]!, OWN)).toBe(short);
	});

	it('keeps every principal of a statement, its actions and its conditions (operator, key, values)', () => {
		const parsed = parseTrustPolicy(doc(allow({AWS: [`arn:aws:iam::${OWN}:user/ana`, 'arn:aws:iam::111122223333:root'], Service: ['ec2.amazonaws.com']}, {
			Action: ['sts:AssumeRole', 'sts:TagSession'],
			Condition: {Bool: {'aws:MultiFactorAuthPresent': true}, StringEquals: {'sts:ExternalId': ['a', 'b']}},
		})));
		const [s] = parsed.statements;
		expect(s!.principals.map(p => p.kind)).toEqual(['user', 'account', 'service']);
		expect(s!.actions).toEqual(['sts:AssumeRole', 'sts:TagSession']);
		expect(s!.conditions).toEqual([
			{operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true']},
			{operator: 'StringEquals', key: 'sts:ExternalId', values: ['a', 'b']},
		]);
		expect(conditionText(s!.conditions[1]!)).toBe('StringEquals sts:ExternalId = a | b');
		expect(trustedShort(parsed, OWN)).toEqual(['user ana', 'other account 111122223333', 'ec2.amazonaws.com']);
	});

	it('reads a single statement object and a parsed object as well as text', () => {
		const single = {Version: '2012-10-17', Statement: allow({Service: 'lambda.amazonaws.com'})};
		expect(parseTrustPolicy(single).statements[0]!.principals[0]!.value).toBe('lambda.amazonaws.com');
		expect(parseTrustPolicy(JSON.stringify(single)).statements).toHaveLength(1);
	});

	it('NotPrincipal is kept and read as "anyone except"', () => {
		const parsed = parseTrustPolicy(doc({Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${OWN}:user/eve`}, Action: 'sts:AssumeRole'}));
		expect(parsed.statements[0]!.notPrincipal![0]).toMatchObject({kind: 'user', value: 'eve'});
		expect(trustedShort(parsed, OWN)).toEqual(['* (anyone!) except user eve']);
	});

	it.each([
		['not JSON', '{"Statement": ['],
		['empty', ''],
		['an array', '[]'],
		['no Statement', '{"Version":"2012-10-17"}'],
		['statement a string', doc('oops')],
		['principal a number', doc(allow(42))],
		['condition a string', doc(allow('*', {Condition: 'x'}))],
		['condition keys a string', doc(allow('*', {Condition: {Bool: 'x'}}))],
		['no effect, no principal', doc({Action: 'sts:AssumeRole'})],
		['empty principal list', doc(allow({AWS: []}))],
	])('malformed: %s gives problems, never throws', (_name, text) => {
		const parsed = parseTrustPolicy(text);
		expect(parsed.problems.length).toBeGreaterThan(0);
	});

	it('a malformed document with nothing readable says so in the short list', () => {
		expect(trustedShort(parseTrustPolicy('nope'), OWN)).toEqual(['(malformed trust policy)']);
	});

	it('accountOfArn reads a role ARN', () => {
		expect(accountOfArn(`arn:aws:iam::${OWN}:role/x/y`)).toBe(OWN);
		expect(accountOfArn('garbage')).toBeUndefined();
	});
});
