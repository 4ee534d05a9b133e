// The screens `:name` jumps to: the one list of them. The keymap's command line, routes, Shell's
// unknown-command hint, the help overlay and the readme's key table all read it.

/** The jump targets, in the order help and the readme list them. */
export const jumpTargets = ['users', 'groups', 'roles', 'policies', 'whocan', 'hygiene', 'profiles', 'journal', 'accounts', 'people'] as const;
export type JumpTarget = (typeof jumpTargets)[number];

export const isJumpTarget = (name: string): name is JumpTarget => (jumpTargets as readonly string[]).includes(name);

/** The jump targets as the command line writes them: `:users :groups …`. */
export const jumpTargetsText = jumpTargets.map(name => `:${name}`).join(' ');

const jumpDescriptions: Record<JumpTarget, string> = {
	users: 'Jump to the users list',
	groups: 'Jump to the groups list',
	roles: 'Jump to the roles list: who may assume each role, last use, service roles marked',
	policies: 'Jump to the policies list',
	whocan: 'Who can do an action (on a resource)? Users, groups and roles, with grant paths, users through the roles they may assume; :whocan ACTION [RESOURCE] asks at once',
	hygiene: 'Credential hygiene: old or unused keys and passwords, console users without MFA',
	profiles: 'Jump to the profiles (add, switch, remove)',
	journal: 'The audit journal: every write attempt, newest first (filter with /)',
	accounts: "The organization's accounts (from the management account's profile): each loaded through the audit role, with its OU path and SCPs",
	people: 'Identity Center people: the accounts and permission sets each one reaches, directly or through which group',
};

/** What the command line (`:`) accepts: the jump targets, then help and quit. */
export const commandLineEntries: ReadonlyArray<{name: string; description: string}> = [
	...jumpTargets.map(name => ({name, description: jumpDescriptions[name]})),
	{name: 'help', description: 'Show the help'},
	{name: 'quit', description: 'Quit iamtui'},
];

/** A command line split into its name (lower case) and what follows it (as typed: an ARN keeps its case). */
export const commandLineParts = (text: string): {name: string; rest: string} => {
	const trimmed = text.replace(/^:/, '').trim();
	const space = trimmed.search(/\s/);
	return space < 0 ? {name: trimmed.toLowerCase(), rest: ''} : {name: trimmed.slice(0, space).toLowerCase(), rest: trimmed.slice(space).trim()};
};

/** What `:whocan` may take after its name, as the command line hints it. */
export const whoCanArguments = 'ACTION [RESOURCE], e.g. :whocan ec2:TerminateInstances';

/** `:whocan ACTION [RESOURCE]`'s query, or why it is not one. */
export const whoCanQueryOf = (rest: string): {action: string; resource: string} | {error: string} => {
	const words = rest.split(/\s+/);
	if (words.length > 2) return {error: `:whocan takes an action and at most one resource (${whoCanArguments}); "${words.slice(2).join(' ')}" is more`};
	return {action: words[0]!, resource: words[1] ?? '*'};
};
