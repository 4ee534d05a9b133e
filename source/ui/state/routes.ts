// The screens the navigation stack can hold, and the keymap scope each one uses.
import type {ScreenId} from '../keymap.js';
import type {MembershipRequest} from '../../model/plans/group-membership.js';

export type Route =
	| {screen: 'users'}
	| {screen: 'groups'}
	| {screen: 'policies'}
	| {screen: 'profiles'}
	| {screen: 'user'; name: string}
	| {screen: 'group'; name: string}
	| {screen: 'policy'; arn: string}
	| {screen: 'whocan'}
	| {screen: 'access'; name: string}
	| {screen: 'inline-policy'; owner: 'user' | 'group'; ownerName: string; policyName: string}
	// Writes: pick a group for a user or users for a group, then confirm the plan.
	| {screen: 'pick-group'; user: string}
	| {screen: 'pick-users'; group: string}
	| {screen: 'plan'; request: MembershipRequest};

export const scopeOf = (route: Route): ScreenId =>
	route.screen === 'inline-policy' ? 'policy' : route.screen === 'pick-group' || route.screen === 'pick-users' ? 'picker' : route.screen;

/** Screens that show the account and so need a loaded snapshot (profiles do not). */
export const needsSnapshot = (route: Route): boolean => route.screen !== 'profiles';

export const jumpTargets = ['users', 'groups', 'policies', 'whocan', 'profiles'] as const;
export type JumpTarget = (typeof jumpTargets)[number];
