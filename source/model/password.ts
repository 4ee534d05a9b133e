// Console passwords: generating one that meets the account's password policy (or IAM's defaults when
// the account has none), checking a typed one, and the console sign-in URL that goes with it.
// Pure: the random source is given (crypto.randomBytes in the app, a seeded source in tests).
import type {PasswordPolicy} from './gateway.js';

export const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
/** The characters IAM counts as symbols ("non-alphanumeric") in a password policy. */
export const SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

export const DEFAULT_PASSWORD_LENGTH = 20;
/** IAM's limits: without a policy a password needs 8 characters; none may exceed 128. */
export const IAM_DEFAULT_MINIMUM_LENGTH = 8;
export const IAM_MAXIMUM_LENGTH = 128;

const CLASSES = [
	{name: 'an uppercase letter', plural: 'uppercase letters', chars: UPPERCASE, required: (p: PasswordPolicy) => p.requireUppercase},
	{name: 'a lowercase letter', plural: 'lowercase letters', chars: LOWERCASE, required: (p: PasswordPolicy) => p.requireLowercase},
	{name: 'a digit', plural: 'digits', chars: DIGITS, required: (p: PasswordPolicy) => p.requireNumbers},
	{name: `a symbol (one of ${SYMBOLS})`, plural: `symbols (${SYMBOLS})`, chars: SYMBOLS, required: (p: PasswordPolicy) => p.requireSymbols},
] as const;

const ALPHABET = CLASSES.map(c => c.chars).join('');
const ALPHANUMERIC = UPPERCASE + LOWERCASE + DIGITS;

/**
 * A uniform index in [0, n) from random bytes: bytes at or above the largest multiple of n are drawn
 * again (rejection sampling), so no index is likelier than another — `byte % n` alone would favour the low ones.
 */
export const randomIndex = (n: number, nextByte: () => number): number => {
	if (!Number.isInteger(n) || n < 1 || n > 256) throw new RangeError(`randomIndex needs 1 ≤ n ≤ 256, got ${n}`);
	const limit = 256 - (256 % n);
	for (;;) {
		const byte = nextByte();
		if (byte < limit) return byte % n;
	}
};

/** Bytes from the given source, fetched a block at a time. */
const byteStream = (randomBytes: (n: number) => Uint8Array): (() => number) => {
	let block: Uint8Array = new Uint8Array(0);
	let at = 0;
	return () => {
		if (at >= block.length) {
			block = randomBytes(64);
			at = 0;
			if (block.length === 0) throw new Error('the random source returned no bytes');
		}
		return block[at++]!;
	};
};

/** The length a generated password gets: 20, or the policy's minimum when that is longer. */
export const generatedLength = (policy: PasswordPolicy | null): number =>
	Math.min(IAM_MAXIMUM_LENGTH, Math.max(DEFAULT_PASSWORD_LENGTH, policy?.minimumLength ?? IAM_DEFAULT_MINIMUM_LENGTH));

/**
 * A password holding every class (upper, lower, digit, symbol), so it satisfies any policy IAM can set
 * and its default three-of-four rule. The first character is a letter or digit: a password starting
 * with = + - or @ turns into a formula when the credentials CSV is opened in a spreadsheet.
 */
export const generatePassword = (policy: PasswordPolicy | null, randomBytes: (n: number) => Uint8Array): string => {
	const next = byteStream(randomBytes);
	const pick = (chars: string) => chars[randomIndex(chars.length, next)]!;
	const length = generatedLength(policy);
	// One of each class, the rest from the whole alphabet, then shuffled (Fisher–Yates), so the
	// guaranteed characters sit at random positions.
	const rest = CLASSES.map(c => pick(c.chars));
	while (rest.length < length - 1) rest.push(pick(ALPHABET));
	for (let i = rest.length - 1; i > 0; i--) {
		const j = randomIndex(i + 1, next);
		[rest[i], rest[j]] = [rest[j]!, rest[i]!];
	}
	return pick(ALPHANUMERIC) + rest.join('');
};

const listText = (items: string[]): string =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Why a typed password would be refused by IAM under this policy, or null when it is fine. */
export const checkPassword = (password: string, policy: PasswordPolicy | null): string | null => {
	const length = Array.from(password).length;
	const minimum = policy?.minimumLength ?? IAM_DEFAULT_MINIMUM_LENGTH;
	if (length < minimum) return `The password needs at least ${minimum} characters (it has ${length}).`;
	if (length > IAM_MAXIMUM_LENGTH) return `The password can have at most ${IAM_MAXIMUM_LENGTH} characters (it has ${length}).`;
	// IAM takes printable Basic Latin only; a control character would also be invisible when typed.
	if (/[^\u0020-\u007E]/.test(password)) return 'The password can hold only printable ASCII characters (no accents, emoji or control characters).';
	const present = CLASSES.map(c => Array.from(password).some(ch => c.chars.includes(ch)));
	if (policy) {
		const missing = CLASSES.filter((c, n) => c.required(policy) && !present[n]).map(c => c.name);
		return missing.length ? `The account's password policy needs ${listText(missing)}.` : null;
	}
	const kinds = present.filter(Boolean).length;
	if (kinds < 3)
		return `The password needs three of: ${CLASSES.map(c => c.plural).join(', ')} (it has ${kinds}).`;
	return null;
};

/** The console sign-in page for this account: by alias when it has one, else by account id. */
export const signInUrl = (account: string, alias: string | null): string =>
	`https://${alias || account}.signin.aws.amazon.com/console`;
