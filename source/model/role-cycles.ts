// Chain cycles among roles: role A's trust names role B, B's names A (or longer loops). AWS allows it
// (each hop is a new session); iamtui's chain walk cuts it at a role seen before, and the Role screen says
// so instead of leaving the loop unexplained. Read from trust policies that name roles directly. Pure.
import type {Role} from './snapshot.js';
import {accountOfArn, parseTrustPolicy} from './trust-principals.js';

/** Role name → the roles of the same account whose trust names it directly (those it may assume). */
export type AssumeGraph = Map<string, string[]>;

/** Built once per snapshot: every trust policy is read once. */
export const assumeGraph = (roles: Role[]): AssumeGraph => {
	const next = new Map<string, string[]>();
	for (const target of roles) {
		const own = accountOfArn(target.arn);
		for (const s of parseTrustPolicy(target.trustPolicy).statements) {
			if (s.effect !== 'Allow') continue;
			for (const p of s.principals) {
				if (p.kind !== 'role' || (p.accountId !== undefined && p.accountId !== own)) continue;
				next.set(p.value, [...(next.get(p.value) ?? []), target.name]);
			}
		}
	}
	return next;
};

/** The shortest loop from `name` back to itself, as role names ([A, B, A]); undefined when there is none. */
export const roleCycle = (roles: Role[] | AssumeGraph, name: string): string[] | undefined => {
	const next = roles instanceof Map ? roles : assumeGraph(roles);
	const from = new Map<string, string>();
	let frontier = [name];
	while (frontier.length > 0) {
		const following: string[] = [];
		for (const current of frontier) {
			for (const target of next.get(current) ?? []) {
				if (target === name) {
					const path = [current];
					while (path[0] !== name) path.unshift(from.get(path[0]!)!);
					return [...path, name];
				}
				if (from.has(target)) continue;
				from.set(target, current);
				following.push(target);
			}
		}
		frontier = following;
	}
	return undefined;
};
