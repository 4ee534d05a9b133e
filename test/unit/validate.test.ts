// IAM's name, path and tag rules, which the emulator does not enforce: each check says what is wrong
// and what IAM accepts.
import {describe, expect, it} from 'vitest';
import {MAX_GROUPS_PER_USER as membershipLimit} from '../../source/model/plans/group-membership.js';
import {
	assertValid,
	checkGroupName,
	checkInlinePolicyName,
	checkPath,
	checkPolicyName,
	checkTags,
	checkUserName,
	invalidError,
	MAX_ACCESS_KEYS,
	MAX_GROUPS_PER_USER,
	MAX_MANAGED_POLICIES_PER_ENTITY,
	MAX_POLICY_VERSIONS,
	MAX_SIGNING_CERTIFICATES,
} from '../../source/model/validate.js';

describe('names', () => {
	it('accepts IAM name characters up to the limit of each kind', () => {
		expect(checkUserName('ana.silva+ops=1,x@example-co_2')).toBeNull();
		expect(checkUserName('a'.repeat(64))).toBeNull();
		expect(checkGroupName('G'.repeat(128))).toBeNull();
		expect(checkPolicyName('P'.repeat(128))).toBeNull();
		expect(checkInlinePolicyName('I'.repeat(128))).toBeNull();
	});

	it('refuses names over the limit, saying the length and the limit', () => {
		expect(checkUserName('a'.repeat(65))).toBe('the user name is 65 characters long; IAM accepts at most 64');
		expect(checkGroupName('g'.repeat(129))).toBe('the group name is 129 characters long; IAM accepts at most 128');
		expect(checkPolicyName('p'.repeat(129))).toMatch(/129 characters long; IAM accepts at most 128/);
		expect(checkInlinePolicyName('p'.repeat(129))).toMatch(/inline policy name is 129/);
	});

	it('says what is wrong with empty names, spaces, slashes, unicode and symbols', () => {
		expect(checkUserName('')).toBe('the user name is empty; IAM accepts 1–64 characters: letters, digits and + = , . @ _ -');
		expect(checkUserName(' ana')).toMatch(/starts or ends with a space/);
		expect(checkUserName('ana ')).toMatch(/starts or ends with a space/);
		expect(checkUserName('ana silva')).toMatch(/contains a space; IAM accepts only letters, digits/);
		expect(checkUserName('team/ana')).toMatch(/contains "\/": a path goes in the path field/);
		expect(checkUserName('josé')).toBe('the user name "josé" contains "é", which is not ASCII; IAM accepts only letters, digits and + = , . @ _ -');
		expect(checkGroupName('ops!')).toMatch(/contains "!"/);
		expect(checkPolicyName('a:b')).toMatch(/contains ":"/);
	});
});

describe('paths', () => {
	it('accepts / and /a/b/', () => {
		expect(checkPath('/')).toBeNull();
		expect(checkPath('/engineering/team-1/')).toBeNull();
		expect(checkPath(`/${'a'.repeat(510)}/`)).toBeNull();
	});

	it('refuses paths without both slashes, with spaces, unicode, empty or too long', () => {
		expect(checkPath('engineering/')).toMatch(/must start and end with "\/"/);
		expect(checkPath('/engineering')).toMatch(/must start and end with "\/"/);
		expect(checkPath('')).toMatch(/the path is empty/);
		expect(checkPath(' /a/')).toMatch(/starts or ends with a space/);
		expect(checkPath('/a b/')).toMatch(/contains a space/);
		expect(checkPath('/équipe/')).toMatch(/contains "é"/);
		expect(checkPath('//')).toMatch(/empty between its slashes/);
		expect(checkPath(`/${'a'.repeat(511)}/`)).toBe('the path is 513 characters long; IAM accepts at most 512');
	});
});

describe('tags', () => {
	const tag = (Key: string, Value = 'v') => ({Key, Value});

	it('accepts unicode letters, spaces and the allowed symbols, and empty values', () => {
		expect(checkTags([tag('équipe', 'Données de São Paulo'), tag('cost:center', 'a/b=c+d-e@f_g.h'), tag('empty', '')])).toBeNull();
	});

	it('refuses more than 50 tags', () => {
		const many = Array.from({length: 51}, (_, n) => tag(`k${n}`));
		expect(checkTags(many)).toBe('51 tags given; IAM accepts at most 50 per user');
		expect(checkTags(many.slice(0, 50))).toBeNull();
	});

	it('refuses empty, long, reserved and duplicate keys, and bad characters', () => {
		expect(checkTags([tag('')])).toMatch(/a tag key is empty/);
		expect(checkTags([tag('k'.repeat(129))])).toMatch(/129 characters long; IAM accepts at most 128/);
		expect(checkTags([tag('k'.repeat(128))])).toBeNull();
		expect(checkTags([tag('aws:team')])).toMatch(/starts with "aws:", which AWS reserves/);
		expect(checkTags([tag('AWS:team')])).toMatch(/reserves/);
		expect(checkTags([tag('team'), tag('Team')])).toMatch(/"Team" is given twice/);
		expect(checkTags([tag('team!')])).toMatch(/the tag key "team!" contains "!"/);
		expect(checkTags([tag('team', 'a;b')])).toMatch(/value of tag "team" .*contains ";"/);
		expect(checkTags([tag('team', 'v'.repeat(257))])).toMatch(/257 characters long; IAM accepts at most 256/);
		expect(checkTags([tag('team', 'v'.repeat(256))])).toBeNull();
	});
});

describe('limits and errors', () => {
	it("holds IAM's quotas, shared with the membership plan", () => {
		expect([MAX_GROUPS_PER_USER, MAX_ACCESS_KEYS, MAX_MANAGED_POLICIES_PER_ENTITY, MAX_POLICY_VERSIONS, MAX_SIGNING_CERTIFICATES]).toEqual([10, 2, 10, 5, 2]);
		expect(membershipLimit).toBe(MAX_GROUPS_PER_USER);
	});

	it('turns problems into one Invalid error, the first as the message and the others in the hint', () => {
		expect(invalidError([null, null])).toBeNull();
		const error = invalidError([checkUserName('a b'), null, checkPath('x')]);
		expect(error).toMatchObject({kind: 'Invalid', code: 'ValidationError', message: expect.stringContaining('contains a space')});
		expect(error!.hint).toMatch(/^also: the path "x" must start and end/);
		expect(() => assertValid(checkUserName('ok'), checkPath('/'))).not.toThrow();
		expect(() => assertValid(checkUserName(''))).toThrowError(expect.objectContaining({kind: 'Invalid', hint: 'fix it and try again'}));
	});
});
