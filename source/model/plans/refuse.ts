// The refusals plan builders share: what IAM would answer (NoSuchEntity, EntityAlreadyExists,
// LimitExceeded), said before anything is sent, with a hint that says what to do instead.
import {IamError} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import type {Group, User} from '../snapshot.js';
import type {PrincipalRef} from './steps.js';

const closest = (name: string, names: Iterable<string>): string[] => {
	const lower = name.toLowerCase();
	return [...names].filter(n => n.toLowerCase().includes(lower) || lower.includes(n.toLowerCase())).slice(0, 3);
};

export const notFound = (kind: string, name: string, names: Iterable<string> = []): IamError => {
	const near = closest(name, names);
	return new IamError(
		'NotFound',
		`no ${kind} named ${name} in this account`,
		near.length > 0 ? `did you mean ${near.join(', ')}?` : `check the name; if it was just created elsewhere, load the account again (r in the TUI)`,
		'NoSuchEntity',
	);
};

/** Something a user does not have (a console password, a key): IAM's NoSuchEntity. */
export const missing = (message: string, hint: string): IamError => new IamError('NotFound', message, hint, 'NoSuchEntity');

export const conflict = (message: string, hint: string): IamError => new IamError('Conflict', message, hint, 'EntityAlreadyExists');

export const limitExceeded = (message: string, hint: string): IamError => new IamError('LimitExceeded', message, hint, 'LimitExceeded');

/** IAM names are unique ignoring case: the existing name that `name` collides with, if any. */
export const sameNameAs = (name: string, names: Iterable<string>): string | undefined => {
	const folded = name.toLowerCase();
	for (const existing of names) if (existing.toLowerCase() === folded) return existing;
	return undefined;
};

export const requireUser = (index: SnapshotIndex, name: string): User => {
	const user = index.userByName.get(name);
	if (!user) throw notFound('user', name, index.userByName.keys());
	return user;
};

export const requireGroup = (index: SnapshotIndex, name: string): Group => {
	const group = index.groupByName.get(name);
	if (!group) throw notFound('group', name, index.groupByName.keys());
	return group;
};

export const requirePrincipal = (index: SnapshotIndex, target: PrincipalRef): User | Group =>
	target.kind === 'user' ? requireUser(index, target.name) : requireGroup(index, target.name);
