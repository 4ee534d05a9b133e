// actionMatches answers without compiling a RegExp for printable ASCII: it must agree with the RegExp
// (actionPattern) it replaces on every pattern and action, wildcards, case and odd characters included.
import {describe, expect, it} from 'vitest';
import {actionMatches, actionPattern} from '../../source/model/access/patterns.js';

const PATTERNS = ['*', 's3:*', 'S3:Get*', 's3:get*object', 's3:?etObject', 'ec2:*Instances', 'ec2:Terminate*s', '*:*', 'iam:*User*', 'iam:Create?ser', 'sts:AssumeRole', 'STS:ASSUMEROLE', 'a*b*c', '*a', 'a*', '**', '?', 'x.y', 'x+y', 'a(b)', 'a[b]', 'a$b^', 'é:*', 'ſ3:*', 'k:\u212a*', 'a\nb', 'a*\n', ''];
const ACTIONS = ['s3:GetObject', 'S3:getobject', 's3:PutObject', 'ec2:TerminateInstances', 'ec2:StartInstances', 'iam:CreateUser', 'iam:createuser', 'sts:AssumeRole', 'abc', 'aXbYc', 'acb', 'a', 'b', '', 'x.y', 'xzy', 'x+y', 'a(b)', 'a[b]', 'a$b^', 'é:x', 'É:X', 's3:x', 'k:k', 'a\nb', 'a\n', 'axb'];

// A small deterministic generator of patterns and actions over a tight alphabet (many near misses).
const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const word = (next: () => number, alphabet: string, max: number) => Array.from({length: Math.floor(next() * max)}, () => alphabet[Math.floor(next() * alphabet.length)]).join('');

describe('actionMatches', () => {
	it('agrees with the RegExp on a table of patterns and actions', () => {
		let matched = 0;
		for (const pattern of PATTERNS) {
			for (const action of ACTIONS) {
				const expected = pattern === '*' || actionPattern(pattern).test(action);
				expect(actionMatches(pattern, action), `${JSON.stringify(pattern)} ~ ${JSON.stringify(action)}`).toBe(expected);
				if (expected) matched++;
			}
		}
		// The table exercises both answers.
		expect(matched).toBeGreaterThan(40);
	});

	it('agrees with the RegExp on generated wildcard patterns', () => {
		const next = random(7);
		let matched = 0;
		for (let n = 0; n < 5000; n++) {
			const pattern = word(next, 'aAb**?', 6);
			const action = word(next, 'abB', 6);
			const expected = pattern === '*' || actionPattern(pattern).test(action);
			expect(actionMatches(pattern, action), `${JSON.stringify(pattern)} ~ ${JSON.stringify(action)}`).toBe(expected);
			if (expected) matched++;
		}
		expect(matched).toBeGreaterThan(300);
		expect(matched).toBeLessThan(4500);
	});
});
