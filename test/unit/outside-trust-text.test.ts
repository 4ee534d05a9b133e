// Who-can's trust-outside-the-account note, grouped by what is trusted: one line per principal outside, naming
// the roles that trust it (the first ten, then how many more), in the order they were met.
import {describe, expect, it} from 'vitest';
import {outsideTrustLines} from '../../source/model/access/outside-trust-text.js';

describe('outsideTrustLines', () => {
	it('one role: named; many: counted and named; the same principal is one line whatever the order', () => {
		const lines = outsideTrustLines([
			{role: 'Ec2Service', note: 'service ec2.amazonaws.com'},
			{role: 'Partner', note: 'account arn:aws:iam::999988887777:root (another account)'},
			{role: 'Batch', note: 'service ec2.amazonaws.com'},
		]);
		expect(lines).toEqual(['service ec2.amazonaws.com — trusted by 2 roles: Ec2Service, Batch', 'account arn:aws:iam::999988887777:root (another account) — trusted by Partner']);
	});

	it('past ten roles, the rest are counted, not named', () => {
		const notes = Array.from({length: 13}, (_, n) => ({role: `svc-${n}`, note: 'service lambda.amazonaws.com'}));
		const [line, ...rest] = outsideTrustLines(notes);
		expect(rest).toEqual([]);
		expect(line).toBe('service lambda.amazonaws.com — trusted by 13 roles: svc-0, svc-1, svc-2, svc-3, svc-4, svc-5, svc-6, svc-7, svc-8, svc-9 and 3 more');
	});

	it('nothing outside: no line', () => {
		expect(outsideTrustLines([])).toEqual([]);
	});
});
