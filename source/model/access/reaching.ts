// The identity policies that reach a user, each with its path, and their permissions boundary.
import type {SnapshotIndex} from '../indexes.js';
import {principalFor, toModel, type AccessModel} from './model.js';
import type {PolicyProblem, ReachingPolicy} from './types.js';

export interface UserPolicies {
	userName: string;
	/** Inline and managed on the user, then inline and managed on each group (a document reached twice is listed twice). */
	policies: ReachingPolicy[];
	boundary?: ReachingPolicy;
	couldNotEvaluate: PolicyProblem[];
}

export const userPolicies = (source: SnapshotIndex | AccessModel, userName: string): UserPolicies | undefined => {
	const principal = principalFor(toModel(source), 'user', userName);
	if (!principal) return undefined;
	const result: UserPolicies = {userName, policies: principal.reaching, couldNotEvaluate: principal.problems};
	if (principal.boundary) result.boundary = principal.boundary;
	return result;
};
