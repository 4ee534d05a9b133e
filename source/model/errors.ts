// Every failure the UI and the headless commands show is an IamError: a kind they can branch on,
// a one-line message, and a hint that says what to do next.
import {meantNames} from './close-names.js';

export type IamErrorKind =
	| 'AccessDenied'
	| 'Throttled'
	| 'NotFound'
	| 'Conflict'
	| 'LimitExceeded'
	| 'Invalid'
	| 'Credentials'
	| 'Network'
	| 'ReadOnly'
	| 'Unknown';

export class IamError extends Error {
	readonly kind: IamErrorKind;
	readonly hint: string;
	/** The AWS error code when there was one (e.g. NoSuchEntity). */
	readonly code?: string;

	constructor(kind: IamErrorKind, message: string, hint = '', code?: string) {
		super(message);
		this.name = 'IamError';
		this.kind = kind;
		this.hint = hint;
		this.code = code;
	}
}

export const isIamError = (value: unknown): value is IamError => value instanceof IamError;

/**
 * No user, group or role of that name: the names it is part of (or that are part of it) and the slips of a
 * letter or two (ana silva: ana.silva), else where to list them.
 */
export const noneNamed = (kind: 'user' | 'group' | 'role', name: string, names: Iterable<string>): IamError => {
	const near = meantNames(name, names);
	return new IamError('NotFound', `no ${kind} named ${name} in this account`, near.length > 0 ? `did you mean ${near.join(', ')}?` : `list them with: iamtui ${kind}s`, 'NoSuchEntity');
};

/** A read an offline export cannot answer (access keys, MFA, passwords…): said as such, not as a failure. */
export const isNotInExport = (error: unknown): boolean => isIamError(error) && error.code === 'OfflineExport';

/** One line for a status bar or stderr: message, then the hint. */
export const describeError = (error: unknown): string => {
	if (isIamError(error)) return error.hint ? `${error.message} — ${error.hint}` : error.message;
	if (error instanceof Error) return error.message;
	return String(error);
};
