import {describe, expect, it} from 'vitest';
import {target} from '../../scripts/bench/report.js';

describe('bench targets', () => {
	it('judge the figure the report shows: a value that rounds to the limit passes, one that rounds above fails', () => {
		// 200.04 ms is shown as 200 (one decimal above 10): the report would say "200 ≤ 200" and FAIL without this.
		expect(target('t', 'd', 200.04, 200, 'ms')).toMatchObject({value: 200, limit: 200, pass: true});
		expect(target('t', 'd', 200.06, 200, 'ms')).toMatchObject({value: 200.1, pass: false});
		// Ratios keep four significant digits.
		expect(target('t', 'd', 0.025_000_4, 1 / 40, 'ratio')).toMatchObject({value: 0.025, limit: 0.025, pass: true});
		expect(target('t', 'd', 0.0251, 1 / 40, 'ratio').pass).toBe(false);
	});
});
