// The per-user approach a script or a simpler tool takes, through the same SDK: ListUsers, then
// ListGroupsForUser, ListAttachedUserPolicies and ListUserPolicies for every user; ListGroups, then
// ListAttachedGroupPolicies and ListGroupPolicies for every group. Bounded concurrency, like a decent
// script. It gathers less than the snapshot (names only: no documents, no credential report).
import {
	IAMClient,
	ListAttachedGroupPoliciesCommand,
	ListAttachedUserPoliciesCommand,
	ListGroupPoliciesCommand,
	ListGroupsCommand,
	ListGroupsForUserCommand,
	ListUserPoliciesCommand,
	ListUsersCommand,
} from '@aws-sdk/client-iam';
import {DUMMY_CREDENTIALS} from './seed-at-scale.js';
import {inParallel} from './pool.js';

export interface PerUserResult {
	/** Requests sent, counted in an SDK middleware (every attempt, retries included). */
	calls: number;
	elapsedMs: number;
	users: number;
	groups: number;
	/** Membership and attachment links found (a check that the work was really done). */
	links: number;
}

type Page<T> = {items: T[]; marker?: string; truncated?: boolean};

const everyPage = async <T>(fetch: (marker?: string) => Promise<Page<T>>): Promise<T[]> => {
	const all: T[] = [];
	let marker: string | undefined;
	for (;;) {
		const page = await fetch(marker);
		all.push(...page.items);
		if (!page.truncated || !page.marker) return all;
		marker = page.marker;
	}
};

export const perUserBaseline = async (endpoint: string, concurrency = 8): Promise<PerUserResult> => {
	const started = performance.now();
	const iam = new IAMClient({region: 'us-east-1', endpoint, credentials: DUMMY_CREDENTIALS, maxAttempts: 5});
	let calls = 0;
	// finalizeRequest runs once per attempt: counts what went on the wire.
	iam.middlewareStack.add(next => args => {
		calls++;
		return next(args);
	}, {step: 'finalizeRequest', name: 'benchCountRequests'});

	const [users, groups] = await Promise.all([
		everyPage(async Marker => {
			const out = await iam.send(new ListUsersCommand({Marker}));
			return {items: (out.Users ?? []).map(u => u.UserName!), marker: out.Marker, truncated: out.IsTruncated};
		}),
		everyPage(async Marker => {
			const out = await iam.send(new ListGroupsCommand({Marker}));
			return {items: (out.Groups ?? []).map(g => g.GroupName!), marker: out.Marker, truncated: out.IsTruncated};
		}),
	]);
	const perUser = (UserName: string) => [
		() => everyPage(async Marker => {
			const out = await iam.send(new ListGroupsForUserCommand({UserName, Marker}));
			return {items: out.Groups ?? [], marker: out.Marker, truncated: out.IsTruncated};
		}),
		() => everyPage(async Marker => {
			const out = await iam.send(new ListAttachedUserPoliciesCommand({UserName, Marker}));
			return {items: out.AttachedPolicies ?? [], marker: out.Marker, truncated: out.IsTruncated};
		}),
		() => everyPage(async Marker => {
			const out = await iam.send(new ListUserPoliciesCommand({UserName, Marker}));
			return {items: out.PolicyNames ?? [], marker: out.Marker, truncated: out.IsTruncated};
		}),
	];
	const perGroup = (GroupName: string) => [
		() => everyPage(async Marker => {
			const out = await iam.send(new ListAttachedGroupPoliciesCommand({GroupName, Marker}));
			return {items: out.AttachedPolicies ?? [], marker: out.Marker, truncated: out.IsTruncated};
		}),
		() => everyPage(async Marker => {
			const out = await iam.send(new ListGroupPoliciesCommand({GroupName, Marker}));
			return {items: out.PolicyNames ?? [], marker: out.Marker, truncated: out.IsTruncated};
		}),
	];
	const lists = await inParallel<unknown[]>([...users.flatMap(perUser), ...groups.flatMap(perGroup)], concurrency);
	iam.destroy();
	return {
		calls,
		elapsedMs: performance.now() - started,
		users: users.length,
		groups: groups.length,
		links: lists.reduce((sum, list) => sum + list.length, 0),
	};
};
