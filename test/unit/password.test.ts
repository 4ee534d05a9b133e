// Generated console passwords meet the account's policy (or IAM's defaults), every character class is
// present, and the characters are drawn without modulo bias; typed passwords get a clear refusal.
import {randomBytes} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import type {PasswordPolicy} from '../../source/model/gateway.js';
import {
	checkPassword,
	DIGITS,
	generatePassword,
	LOWERCASE,
	randomIndex,
	signInUrl,
	SYMBOLS,
	UPPERCASE,
} from '../../source/model/password.js';

/** A seeded source (mulberry32), so the counts below are the same on every run. */
const seeded = (seed: number) => {
	let state = seed >>> 0;
	const nextByte = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) & 0xff;
	};
	return (n: number) => Uint8Array.from({length: n}, nextByte);
};

const policy = (overrides: Partial<PasswordPolicy> = {}): PasswordPolicy => ({
	minimumLength: 14,
	requireSymbols: true,
	requireNumbers: true,
	requireUppercase: true,
	requireLowercase: true,
	...overrides,
});

const hasEvery = (password: string) =>
	[UPPERCASE, LOWERCASE, DIGITS, SYMBOLS].every(chars => Array.from(password).some(c => chars.includes(c)));

describe('generatePassword', () => {
	it('gives 20 characters by default, with every class, and IAM accepts it under its defaults', () => {
		const random = seeded(1);
		for (let n = 0; n < 200; n++) {
			const password = generatePassword(null, random);
			expect(password).toHaveLength(20);
			expect(hasEvery(password), password).toBe(true);
			expect(checkPassword(password, null)).toBeNull();
		}
	});

	it('follows a policy that asks for more than 20 characters, and caps at 128', () => {
		expect(generatePassword(policy({minimumLength: 40}), seeded(2))).toHaveLength(40);
		expect(generatePassword(policy({minimumLength: 128}), seeded(2))).toHaveLength(128);
		expect(generatePassword(policy({minimumLength: 6}), seeded(2))).toHaveLength(20);
	});

	it('meets every policy combination', () => {
		const random = seeded(3);
		for (let bits = 0; bits < 16; bits++) {
			const p = policy({requireUppercase: !!(bits & 1), requireLowercase: !!(bits & 2), requireNumbers: !!(bits & 4), requireSymbols: !!(bits & 8), minimumLength: 24});
			for (let n = 0; n < 20; n++) expect(checkPassword(generatePassword(p, random), p)).toBeNull();
		}
	});

	it('only uses the characters IAM counts, and never starts with a symbol (spreadsheet formulas)', () => {
		const random = seeded(4);
		const allowed = UPPERCASE + LOWERCASE + DIGITS + SYMBOLS;
		for (let n = 0; n < 500; n++) {
			const password = generatePassword(null, random);
			for (const c of password) expect(allowed).toContain(c);
			expect(SYMBOLS).not.toContain(password[0]);
		}
	});

	it('draws each character of a class about equally often (no modulo bias)', () => {
		const random = seeded(5);
		const counts = new Map<string, number>();
		for (let n = 0; n < 4000; n++) for (const c of generatePassword(null, random)) counts.set(c, (counts.get(c) ?? 0) + 1);
		// 82 characters over 4000×20 draws; `byte % 82` would give the first ten a third more than the rest.
		for (const chars of [UPPERCASE, LOWERCASE, DIGITS, SYMBOLS]) {
			const seen = Array.from(chars, c => counts.get(c) ?? 0);
			const ratio = Math.max(...seen) / Math.min(...seen);
			expect(ratio, `${chars}: ${seen.join(' ')}`).toBeLessThan(1.2);
		}
	});

	it('works with the real random source', () => {
		const a = generatePassword(null, randomBytes);
		const b = generatePassword(null, randomBytes);
		expect(a).not.toBe(b);
		expect(hasEvery(a)).toBe(true);
	});
});

describe('randomIndex', () => {
	it('rejects the bytes that would bias the result', () => {
		// 256 = 3×82 + 10: bytes 246–255 must be drawn again.
		const bytes = [250, 255, 246, 245];
		expect(randomIndex(82, () => bytes.shift()!)).toBe(245 % 82);
		expect(bytes).toEqual([]);
		const again = [7];
		expect(randomIndex(82, () => again.shift()!)).toBe(7);
	});

	it('is exactly uniform over the byte values it accepts', () => {
		for (const n of [10, 26, 82, 100]) {
			const counts = new Array<number>(n).fill(0);
			let rejected = 0;
			for (let byte = 0; byte < 256; byte++) {
				let calls = 0;
				const index = randomIndex(n, () => (calls++ === 0 ? byte : 0));
				if (calls > 1) rejected++;
				else counts[index]!++;
			}
			expect(new Set(counts), `n=${n}: ${counts.join(' ')}`).toEqual(new Set([Math.floor(256 / n)]));
			expect(rejected).toBe(256 % n);
		}
	});
});

describe('checkPassword', () => {
	it('accepts a password that meets the rules', () => {
		expect(checkPassword('Correct-Horse-42', null)).toBeNull();
		expect(checkPassword('Abcdefgh1!xyzw', policy())).toBeNull();
	});

	it('says how long it must be', () => {
		expect(checkPassword('Ab1!', null)).toBe('The password needs at least 8 characters (it has 4).');
		expect(checkPassword('Abcdef1!', policy())).toBe('The password needs at least 14 characters (it has 8).');
		expect(checkPassword('A'.repeat(129), null)).toMatch(/at most 128 characters/);
	});

	it('names the classes the policy requires and the password lacks', () => {
		expect(checkPassword('abcdefghijklmnop', policy())).toBe(
			"The account's password policy needs an uppercase letter, a digit and a symbol (one of !@#$%^&*()_+-=[]{}|').",
		);
		expect(checkPassword('abcdefghijklmnop', policy({requireUppercase: false, requireNumbers: false, requireSymbols: false}))).toBeNull();
	});

	it("IAM's default: three of the four classes", () => {
		expect(checkPassword('abcdefgh12', null)).toMatch(/needs three of: uppercase letters, lowercase letters, digits, symbols .* \(it has 2\)/);
		expect(checkPassword('abcdefgh12!', null)).toBeNull();
	});

	it('refuses characters IAM does not take', () => {
		expect(checkPassword('Abcdefgh1!é', null)).toMatch(/printable ASCII/);
		expect(checkPassword('Abcdefgh1!\u001b', null)).toMatch(/printable ASCII/);
	});
});

it('signInUrl uses the alias when there is one', () => {
	expect(signInUrl('123456789012', null)).toBe('https://123456789012.signin.aws.amazon.com/console');
	expect(signInUrl('123456789012', 'acme-prod')).toBe('https://acme-prod.signin.aws.amazon.com/console');
});
