// Credential-report timestamps that cannot be true are said as such, not as "11y ago": in the future,
// before what they describe existed, or unreadable; a day of clock skew is tolerated.
import {describe, expect, it} from 'vitest';
import {describeTime, latestOf, timeProblem} from '../../source/model/hygiene-time.js';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('timeProblem', () => {
	it('accepts a past date after its lower bound, and a few hours of skew either way', () => {
		expect(timeProblem('2026-11-30T08:00:00Z', NOW, '2025-01-01T00:00:00Z')).toBeUndefined();
		expect(timeProblem('2026-12-04T18:00:00Z', NOW)).toBeUndefined();
		expect(timeProblem('2024-12-31T20:00:00Z', NOW, '2025-01-01T00:00:00Z')).toBeUndefined();
	});
	it('flags the future, a date before what it describes, and text that is not a date', () => {
		expect(timeProblem('2027-03-01T00:00:00Z', NOW)).toBe('future');
		expect(timeProblem('2014-05-06T07:08:00Z', NOW, '2025-01-01T00:00:00Z')).toBe('too-early');
		expect(timeProblem('N/A', NOW)).toBe('unreadable');
	});
	it('without a lower bound (or an unreadable one) an old date is only old', () => {
		expect(timeProblem('2014-05-06T07:08:00Z', NOW)).toBeUndefined();
		expect(timeProblem('2014-05-06T07:08:00Z', NOW, 'garbage')).toBeUndefined();
	});
});

describe('describeTime', () => {
	it('says "timestamp looks wrong" with the date instead of "12y ago"', () => {
		expect(describeTime('2014-05-06T07:08:09Z', NOW, '2025-01-01T00:00:00Z')).toBe('timestamp looks wrong: 2014-05-06 07:08');
		expect(describeTime('2031-01-01T00:00:00Z', NOW)).toBe('timestamp looks wrong: 2031-01-01 00:00');
		expect(describeTime('2026-12-01T12:00:00Z', NOW, '2025-01-01T00:00:00Z')).toBe('3d ago');
	});
});

it('latestOf skips nulls and unreadable dates', () => {
	expect(latestOf([null, '2025-01-01T00:00:00Z', 'x', '2026-02-01T00:00:00Z', undefined])).toBe('2026-02-01T00:00:00Z');
	expect(latestOf([null, 'x'])).toBeNull();
});
