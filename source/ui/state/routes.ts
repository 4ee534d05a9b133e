// The screens the navigation stack can hold, and the keymap scope each one uses.
import type {ScreenId} from '../keymap.js';

export type Route =
	| {screen: 'users'}
	| {screen: 'groups'}
	| {screen: 'policies'}
	| {screen: 'profiles'}
	| {screen: 'user'; name: string}
	| {screen: 'group'; name: string}
	| {screen: 'policy'; arn: string}
	| {screen: 'inline-policy'; owner: 'user' | 'group'; ownerName: string; policyName: string};

export const scopeOf = (route: Route): ScreenId => (route.screen === 'inline-policy' ? 'policy' : route.screen);

/** Screens that show the account and so need a loaded snapshot (profiles do not). */
export const needsSnapshot = (route: Route): boolean => route.screen !== 'profiles';

export const jumpTargets = ['users', 'groups', 'policies', 'profiles'] as const;
export type JumpTarget = (typeof jumpTargets)[number];
