// Every command the TUI knows, as data. Key handling (matchCommand), the footer, the help overlay and the
// readme's key table (keymapMarkdown) all read this one list, so they cannot drift apart.
import type {Key} from 'ink';

export type ScreenId = 'users' | 'user' | 'groups' | 'group' | 'policies' | 'policy' | 'profiles' | 'whocan' | 'access' | 'picker' | 'plan';
export type Scope = 'global' | ScreenId;

export type CommandId =
	| 'help'
	| 'command-line'
	| 'reload'
	| 'quit'
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'top'
	| 'bottom'
	| 'open'
	| 'back'
	| 'filter'
	| 'sort'
	| 'reverse'
	| 'next-section'
	| 'switch-profile'
	| 'add-profile'
	| 'remove-profile'
	| 'open-access'
	| 'expand'
	| 'explain'
	| 'complete'
	| 'edit-query'
	| 'add-to-group'
	| 'remove-from-group'
	| 'add-members'
	| 'remove-members'
	| 'mark'
	| 'pick'
	| 'run-plan'
	| 'cancel-plan';

type KeyName = 'upArrow' | 'downArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';

/** Either a printable input ('j', '?') or a named key from ink's Key. */
export type Binding = {input: string} | {key: KeyName};

export interface Command {
	id: CommandId;
	/** How the keys are shown in the footer, help and readme. */
	keys: string[];
	bindings: Binding[];
	/** Short word for the footer. */
	label: string;
	description: string;
	scope: 'global' | ScreenId[];
	/** Changes the account: absent (not only disabled) in read-only mode. */
	dangerous: boolean;
	/** Shown in the footer (help always shows every command in scope). */
	footer: boolean;
}

const lists: ScreenId[] = ['users', 'groups', 'policies', 'profiles'];
const sortable: ScreenId[] = ['users', 'groups', 'policies'];
const details: ScreenId[] = ['user', 'group', 'policy'];
// Who-has-what screens: their own keys, plus moving and going back.
const tools: ScreenId[] = ['whocan', 'access'];
// Writes: pick users or a group, then confirm a plan.
const writes: ScreenId[] = ['picker', 'plan'];
const every: ScreenId[] = [...lists, ...details, ...tools, ...writes];

const command = (
	id: CommandId,
	keys: string[],
	bindings: Binding[],
	label: string,
	description: string,
	scope: Command['scope'],
	extra: Partial<Pick<Command, 'dangerous' | 'footer'>> = {},
): Command => ({id, keys, bindings, label, description, scope, dangerous: false, footer: true, ...extra});

export const commands: readonly Command[] = [
	command('up', ['↑', 'k'], [{key: 'upArrow'}, {input: 'k'}], 'up', 'Move up', every, {footer: false}),
	command('down', ['↓', 'j'], [{key: 'downArrow'}, {input: 'j'}], 'down', 'Move down', every, {footer: false}),
	command('page-up', ['PgUp'], [{key: 'pageUp'}], 'page up', 'Move one page up', every, {footer: false}),
	command('page-down', ['PgDn'], [{key: 'pageDown'}], 'page down', 'Move one page down', every, {footer: false}),
	command('top', ['g', 'Home'], [{input: 'g'}, {key: 'home'}], 'top', 'Go to the first row', every, {footer: false}),
	command('bottom', ['G', 'End'], [{input: 'G'}, {key: 'end'}], 'bottom', 'Go to the last row', every, {
		footer: false,
	}),
	command('open', ['enter'], [{key: 'return'}], 'open', 'Open the selected user, group or policy', [
		'users',
		'groups',
		'policies',
		...details,
		'whocan',
	]),
	command('switch-profile', ['enter'], [{key: 'return'}], 'switch', 'Switch to the selected profile and reload', [
		'profiles',
	]),
	command('back', ['esc'], [{key: 'escape'}], 'back', 'Clear the filter, or go back', every),
	command('filter', ['/'], [{input: '/'}], 'filter', 'Filter as you type (enter keeps it, esc clears it)', [...lists, 'picker']),
	command('sort', ['s'], [{input: 's'}], 'sort', 'Sort by the next column', sortable),
	command('reverse', ['S'], [{input: 'S'}], 'reverse', 'Reverse the sort order', sortable),
	command('next-section', ['tab'], [{key: 'tab'}], 'section', 'Jump to the next section', details),
	command('add-profile', ['a'], [{input: 'a'}], 'add', 'Add a profile (name, region, endpoint)', ['profiles']),
	command('remove-profile', ['d'], [{input: 'd'}], 'remove', 'Remove the selected stored profile', ['profiles']),
	command('add-to-group', ['a'], [{input: 'a'}], 'add to group', 'Add this user to a group (pick it, see the preview, confirm)', ['user'], {dangerous: true}),
	command('remove-from-group', ['x'], [{input: 'x'}], 'remove from group', 'Remove this user from the selected group (preview, confirm)', ['user'], {dangerous: true}),
	command('add-members', ['a'], [{input: 'a'}], 'add members', 'Add users to this group (space marks several; preview, confirm)', ['group'], {dangerous: true}),
	command('remove-members', ['x'], [{input: 'x'}], 'remove', 'Remove the marked members, or the selected one (preview, confirm)', ['group'], {dangerous: true}),
	command('mark', ['space'], [{input: ' '}], 'mark', 'Mark or unmark the selected member or user', ['group', 'picker'], {dangerous: true}),
	command('pick', ['enter'], [{key: 'return'}], 'choose', 'Choose the marked rows, or the selected one', ['picker'], {dangerous: true}),
	command('run-plan', ['y', 'enter'], [{input: 'y'}, {key: 'return'}], 'run', 'Run the plan shown (then enter goes back)', ['plan'], {dangerous: true}),
	command('cancel-plan', ['n'], [{input: 'n'}], 'cancel', 'Cancel: nothing is sent (esc too)', ['plan']),
	command('open-access', ['A'], [{input: 'A'}], 'access', 'Effective access: allowed actions by service, with grant paths', ['user']),
	command('expand', ['enter', '→'], [{key: 'return'}, {key: 'rightArrow'}], 'expand', 'Expand a service to its grant paths and denies', ['access']),
	command('explain', ['e'], [{input: 'e'}], 'explain', 'Explain: can this user do ACTION on RESOURCE?', ['access']),
	command('complete', ['tab'], [{key: 'tab'}], 'complete', 'Complete the action from the catalogue (while typing it)', tools),
	command('edit-query', ['/'], [{input: '/'}], 'query', 'Edit the action and resource of the who-can query', ['whocan']),
	command('command-line', [':'], [{input: ':'}], 'command', 'Command line: :users :groups :policies :whocan :profiles', 'global'),
	command('reload', ['r'], [{input: 'r'}], 'reload', 'Reload the account snapshot', 'global'),
	command('help', ['?'], [{input: '?'}], 'help', 'Show or hide this help', 'global'),
	command('quit', ['q'], [{input: 'q'}], 'quit', 'Quit on the first screen, go back elsewhere', 'global'),
];

/** What the command line (`:`) accepts. */
export const commandLineEntries: ReadonlyArray<{name: string; description: string}> = [
	{name: 'users', description: 'Jump to the users list'},
	{name: 'groups', description: 'Jump to the groups list'},
	{name: 'policies', description: 'Jump to the policies list'},
	{name: 'whocan', description: 'Who can do an action (on a resource)? Users and groups, with grant paths'},
	{name: 'profiles', description: 'Jump to the profiles (add, switch, remove)'},
	{name: 'help', description: 'Show the help'},
	{name: 'quit', description: 'Quit iamtui'},
];

export interface KeymapOptions {
	readOnly?: boolean;
}

const inScope = (cmd: Command, scope: Scope): boolean =>
	scope === 'global' ? cmd.scope === 'global' : cmd.scope !== 'global' && cmd.scope.includes(scope);

/** Commands of one scope (a screen, or 'global'); dangerous ones are left out in read-only mode. */
export const commandsIn = (scope: Scope, options: KeymapOptions = {}): Command[] =>
	commands.filter(cmd => inScope(cmd, scope) && !(options.readOnly && cmd.dangerous));

/** A screen's own commands followed by the global ones: what the footer and help show. */
export const commandsFor = (screen: ScreenId | undefined, options: KeymapOptions = {}): Command[] => [
	...(screen ? commandsIn(screen, options) : []),
	...commandsIn('global', options),
];

const matchesBinding = (binding: Binding, input: string, key: Key): boolean => {
	if ('key' in binding) return key[binding.key];
	return !key.ctrl && input === binding.input;
};

/** The command a key press means in a scope, if any. */
export const matchCommand = (
	scope: Scope,
	input: string,
	key: Key,
	options: KeymapOptions = {},
): CommandId | undefined =>
	commandsIn(scope, options).find(cmd => cmd.bindings.some(binding => matchesBinding(binding, input, key)))?.id;

const scopeText = (cmd: Command): string => (cmd.scope === 'global' ? 'everywhere' : cmd.scope.join(', '));

/** The keymap as a markdown table, for the readme (a test keeps the two in sync). */
export const keymapMarkdown = (options: KeymapOptions = {}): string => {
	const rows = commands
		.filter(cmd => !(options.readOnly && cmd.dangerous))
		.map(cmd => `| ${cmd.keys.map(k => `\`${k}\``).join(' ')} | ${cmd.description} | ${scopeText(cmd)} |`);
	const jumps = commandLineEntries.map(entry => `| \`:${entry.name}\` | ${entry.description} | everywhere |`);
	return ['| keys | what it does | where |', '|---|---|---|', ...rows, ...jumps].join('\n');
};
