// Every command the TUI knows, as data. Key handling (matchCommand), the footer, the help overlay and the
// readme's key table (keymap-markdown.ts) all read this one list, so they cannot drift apart. Where keys
// apply: key-scopes.ts; the `:` jump targets: jump-targets.ts.
import type {Key} from 'ink';
import {jumpTargetsText} from './jump-targets.js';
import {details, every, lists, moving, paging, sortable, tools, type KeyScope, type Scope} from './key-scopes.js';

type KeyName = 'upArrow' | 'downArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';

/** Either a printable input ('j', '?') or a named key from ink's Key. */
export type Binding = {input: string} | {key: KeyName};

interface CommandOf<Id extends string> {
	id: Id;
	/** How the keys are shown in the footer, help and readme. */
	keys: string[];
	bindings: Binding[];
	/** Short word for the footer. */
	label: string;
	description: string;
	scope: 'global' | KeyScope[];
	/** Changes the account: absent (not only disabled) in read-only mode. */
	dangerous: boolean;
	/** Shown in the footer (help always shows every command in scope). */
	footer: boolean;
}

// The id is inferred from each entry, so the list below is the only place a command's id is written.
const command = <Id extends string>(
	id: Id,
	keys: string[],
	bindings: Binding[],
	label: string,
	description: string,
	scope: CommandOf<Id>['scope'],
	extra: Partial<Pick<CommandOf<Id>, 'dangerous' | 'footer'>> = {},
): CommandOf<Id> => ({id, keys, bindings, label, description, scope, dangerous: false, footer: true, ...extra});

export const commands = Object.freeze([
	command('up', ['↑', 'k'], [{key: 'upArrow'}, {input: 'k'}], 'up', 'Move up', moving, {footer: false}),
	command('down', ['↓', 'j'], [{key: 'downArrow'}, {input: 'j'}], 'down', 'Move down', moving, {footer: false}),
	command('page-up', ['PgUp'], [{key: 'pageUp'}], 'page up', 'Move one page up', paging, {footer: false}),
	command('page-down', ['PgDn'], [{key: 'pageDown'}], 'page down', 'Move one page down', paging, {footer: false}),
	command('top', ['g', 'Home'], [{input: 'g'}, {key: 'home'}], 'top', 'Go to the first row', every, {footer: false}),
	command('bottom', ['G', 'End'], [{input: 'G'}, {key: 'end'}], 'bottom', 'Go to the last row', every, {
		footer: false,
	}),
	command('open', ['enter'], [{key: 'return'}], 'open', 'Open the selected user, group, role or policy (on :journal, the entry in full; on :accounts, the account; on an Account screen, its user or role, or an Identity Center person who reaches it; on :people, the person; on a person, the permission set\'s role in that account, or the Identity Center group; on such a group, the member or the role; on org-wide who-can, the person, or the principal in its account)', [
		'journal',
		'users',
		'groups',
		'roles',
		'policies',
		...details,
		'whocan',
		'hygiene',
		'accounts',
		'people',
	]),
	command('switch-profile', ['enter'], [{key: 'return'}], 'switch', 'Switch to the selected profile and reload', [
		'profiles',
	]),
	command('back', ['esc'], [{key: 'escape'}], 'back', 'Clear the filter, or go back (on a :journal entry, to the list)', [...every, 'journal-entry']),
	command('filter', ['/'], [{input: '/'}], 'filter', 'Filter as you type (enter keeps it, esc clears it); on the Access view, services; on the create-user wizard, its groups', [...lists, 'picker', 'write-wizard', 'access', 'wizard']),
	// While a filter is typed: the letters are the filter, enter keeps it, esc clears it.
	command('keep-filter', ['enter'], [{key: 'return'}], 'keep filter', 'Keep the filter typed and go back to the list (esc clears it instead)', ['filter']),
	command('clear-filter', ['esc'], [{key: 'escape'}], 'clear filter', 'Clear the filter typed', ['filter']),
	command('sort', ['s'], [{input: 's'}], 'sort', 'Sort by the next column', sortable),
	command('reverse', ['S'], [{input: 'S'}], 'reverse', 'Reverse the sort order', sortable),
	command('next-section', ['tab'], [{key: 'tab'}], 'section', 'Jump to the next section', details),
	command('add-profile', ['a'], [{input: 'a'}], 'add', 'Add a profile (name, region, endpoint)', ['profiles']),
	command('remove-profile', ['d'], [{input: 'd'}], 'remove', 'Remove the selected stored profile', ['profiles']),
	// Not dangerous: it changes the local store, not the account, and a read-only session may mark a profile too.
	command('toggle-read-only', ['w'], [{input: 'w'}], 'read-only/writable', 'Store the selected profile read-only, or make it writable again (asks first: y); a session started with --read-only stays read-only until restarted without it', ['profiles']),
	command('add-to-group', ['a'], [{input: 'a'}], 'add to group', 'Add this user to a group (pick it, see the preview, confirm)', ['user'], {dangerous: true}),
	command('remove-from-group', ['x'], [{input: 'x'}], 'remove from group', 'Remove this user from the selected group (preview, confirm)', ['user'], {dangerous: true}),
	command('add-members', ['a'], [{input: 'a'}], 'add members', 'Add users to this group (space marks several; preview, confirm)', ['group'], {dangerous: true}),
	command('remove-members', ['x'], [{input: 'x'}], 'remove', 'Remove the marked members, or the selected one (preview, confirm)', ['group'], {dangerous: true}),
	command('mark', ['space'], [{input: ' '}], 'mark', 'Mark or unmark the selected member or user (offboarding everywhere: check a look-alike IAM user to offboard)', ['group', 'picker', 'write-wizard', 'everywhere'], {dangerous: true}),
	command('pick', ['enter'], [{key: 'return'}], 'choose', 'Choose the marked rows, or the selected one', ['picker'], {dangerous: true}),
	command('run-plan', ['y', 'enter'], [{input: 'y'}, {key: 'return'}], 'run', 'Run the plan shown (then enter goes back)', ['plan'], {dangerous: true}),
	command('cancel-plan', ['n'], [{input: 'n'}], 'cancel', 'Cancel: nothing is sent (esc too)', ['plan']),
	command('undo-plan', ['u'], [{input: 'u'}], 'undo', 'After a plan stopped at a failure: plan taking back the steps that went through', ['plan', 'plan-done'], {dangerous: true, footer: false}),
	command('close-plan', ['enter', 'esc'], [{key: 'return'}, {key: 'escape'}], 'back', 'After the plan ran: go back to where it was made', ['plan-done']),
	command('save-secret', ['s'], [{input: 's'}], 'save CSV', 'Save the credentials shown to a CSV file (mode 0600, the console\'s columns)', ['secret']),
	command('copy-secret', ['c'], [{input: 'c'}], 'copy', 'Copy the selected secret key or password; the clipboard clears in 30 s, or at once on Ctrl+Z', ['secret']),
	command('dismiss-secret', ['d', 'esc', 'enter'], [{input: 'd'}, {key: 'escape'}, {key: 'return'}], 'dismiss', 'Dismiss the credentials: they cannot be shown again (asks if not saved or copied)', ['secret']),
	command('offboard-user', ['O'], [{input: 'O'}], 'offboard', 'Offboard the user: record what they have, revoke, then delete (or keep for a legal hold); resumable', ['user', 'hygiene'], {dangerous: true}),
	command('toggle-keep-user', ['tab'], [{key: 'tab'}], 'delete/keep', 'Choose: delete the user, or keep it without any access (legal hold)', ['offboard'], {dangerous: true}),
	command('confirm-offboard', ['enter'], [{key: 'return'}], 'run', 'Run the offboarding once the name is typed (and "lock me out" for yourself); when finished, go back', ['offboard'], {dangerous: true}),
	command('offboard-everywhere', ['X'], [{input: 'X'}], 'offboard everywhere', 'Offboard the person everywhere: their Identity Center memberships and direct assignments removed, and the look-alike IAM users you check offboarded in their accounts (plan first, type the name); recorded, resumable', ['person'], {dangerous: true}),
	command('confirm-everywhere', ['enter'], [{key: 'return'}], 'run', 'Go on to the confirmation (type the person\'s name), which runs it; when finished, go back', ['everywhere'], {dangerous: true}),
	command('rotate-key', ['R'], [{input: 'R'}], 'rotate key', 'Rotate the access key: second key, switch, verify last use, deactivate, delete; resumable', ['user', 'hygiene'], {dangerous: true}),
	command('rotation-next', ['enter'], [{key: 'return'}], 'next', 'Do the rotation stage shown (create, switched, verified, deactivate, delete)', ['rotate'], {dangerous: true}),
	command('forget-rotation', ['x'], [{input: 'x'}], 'forget', 'Forget this rotation (the keys stay as they are)', ['rotate']),
	command('create-user', ['n'], [{input: 'n'}], 'new user', 'Create a user: name, path, tags, console password, access key, groups (a wizard, then the plan)', ['users'], {dangerous: true}),
	command('create-key', ['K'], [{input: 'K'}], 'new key', 'Create an access key (at 2 keys: deactivate or delete the oldest first)', ['user'], {dangerous: true}),
	command('toggle-key', ['e'], [{input: 'e'}], 'key on/off', 'Deactivate the selected access key, or activate it again', ['user'], {dangerous: true}),
	command('delete-selected', ['d'], [{input: 'd'}], 'delete', 'Delete the selected access key, signing certificate or inline policy, or detach the selected managed policy', ['user', 'group'], {dangerous: true}),
	command('console-password', ['p'], [{input: 'p'}], 'password', 'Console password: give one, or reset it (generated or typed; reset at next sign-in)', ['user'], {dangerous: true}),
	command('remove-password', ['P'], [{input: 'P'}], 'no password', 'Remove the console password (access keys keep working)', ['user'], {dangerous: true}),
	command('attach-policy', ['m'], [{input: 'm'}], 'attach policy', 'Attach a managed policy, picked from the account\'s policies', ['user', 'group'], {dangerous: true}),
	command('add-certificate', ['c'], [{input: 'c'}], 'certificate', 'Upload a signing certificate from a PEM file, or generate a self-signed one (its key goes to a 0600 file)', ['user'], {dangerous: true}),
	command('next-field', ['tab', '↓'], [{key: 'tab'}, {key: 'downArrow'}], 'next field', 'Move to the next field (or the next group)', ['wizard', 'form', 'choice']),
	command('previous-field', ['↑'], [{key: 'upArrow'}], 'previous field', 'Move to the previous field (or group)', ['wizard', 'form', 'choice'], {footer: false}),
	command('toggle-choice', ['space', '→'], [{input: ' '}, {key: 'rightArrow'}], 'change', 'Change the selected choice; on the groups step, mark or unmark the group', ['wizard', 'choice']),
	command('form-next', ['enter'], [{key: 'return'}], 'next', 'Next field or step; on the last one, show the plan (nothing is sent before you confirm it)', ['wizard', 'form', 'choice']),
	command('form-back', ['esc'], [{key: 'escape'}], 'back', 'Previous step, or cancel on the first (nothing is sent)', ['wizard', 'form', 'choice']),
	command('create-group', ['n'], [{input: 'n'}], 'new group', 'Create a group: name, path, managed policies to attach at once (then the plan)', ['groups'], {dangerous: true}),
	command('delete-group', ['D'], [{input: 'D'}], 'delete group', 'Delete the group: its members are removed and its policies detached or deleted first (type its name)', ['groups', 'group'], {dangerous: true}),
	command('put-inline-policy', ['i'], [{input: 'i'}], 'inline policy', 'Put an inline policy from a template or a JSON file (parameters, JSON preview, then the plan)', ['group'], {dangerous: true}),
	command('create-policy', ['n'], [{input: 'n'}], 'new policy', 'New customer managed policy from a template or a JSON file, optionally attached to a group or user', ['policies'], {dangerous: true}),
	command('delete-policy', ['D'], [{input: 'D'}], 'delete', 'Delete the policy: a customer managed one is detached everywhere and its old versions deleted first (type its name)', ['policies', 'policy'], {dangerous: true}),
	command('attach-to', ['a'], [{input: 'a'}], 'attach to', 'Attach this managed policy to a user or a group (pick one, then the plan)', ['policy'], {dangerous: true}),
	command('choose', ['enter'], [{key: 'return'}], 'choose', 'Choose the selected template, policies or target, or go on to the next step (nothing is sent before the plan is confirmed)', ['write-wizard'], {dangerous: true}),
	command('attach-role-policy', ['A'], [{input: 'A'}], 'attach policy', 'Attach a managed policy to this role, picked from the account\'s policies (then the plan)', ['role'], {dangerous: true}),
	command('detach-role-policy', ['D'], [{input: 'D'}], 'detach/delete', 'Detach the selected managed policy from this role, or delete the selected inline policy (the plan first)', ['role'], {dangerous: true}),
	command('put-role-inline', ['i'], [{input: 'i'}], 'inline policy', 'Put an inline policy on this role from a template or a JSON file (parameters, JSON preview, then the plan)', ['role'], {dangerous: true}),
	command('remove-trust-principal', ['x'], [{input: 'x'}], 'remove from trust', 'Remove the selected principal from the trust policy (the plan shows the trust before/after as a JSON diff)', ['role'], {dangerous: true}),
	command('from-file', ['f'], [{input: 'f'}], 'from file', 'Read the policy from a JSON file (a template or a bare policy document) instead of a template', ['write-wizard'], {dangerous: true}),
	command('take-back', ['t'], [{input: 't'}], 'take back', 'On an UNFINISHED row: plan taking back what its interrupted plan may have made (as journal resolve --take-back), shown before anything is sent', ['journal'], {dangerous: true}),
	command('hygiene-view', ['tab'], [{key: 'tab'}], 'users/roles', 'Switch between users (keys, passwords, MFA) and roles (unused for 90 days, trusted by * or another account)', ['hygiene']),
	command('open-access', ['A'], [{input: 'A'}], 'access', 'Effective access: allowed actions by service, with grant paths', ['user']),
	command('open-role-access', ['E'], [{input: 'E'}], 'access', 'Effective access of this role: allowed actions by service, with grant paths; Explain (e) and a request context (c) as on a user\'s', ['role']),
	command('expand', ['enter', '→'], [{key: 'return'}, {key: 'rightArrow'}], 'expand', 'Expand a service to its grant paths and denies', ['access']),
	command('explain', ['e'], [{input: 'e'}], 'explain', 'Explain: can this user (or role) do ACTION on RESOURCE? (on an organization\'s Account screen: the user or role it is opened on, SCPs and RCPs applied)', ['access', 'account']),
	command('request-context', ['c'], [{input: 'c'}], 'context', 'Request context Explain and who-can assume (KEY=VALUE …, e.g. aws:MultiFactorAuthPresent=true): conditional answers resolve and say which condition decided', ['access', 'whocan', 'account']),
	// While the action and resource of a question are typed (who-can, Explain).
	command('ask-query', ['enter'], [{key: 'return'}], 'ask', 'Ask the question typed: who can do the action, or can this user', ['query']),
	command('complete', ['tab'], [{key: 'tab'}], 'complete', 'Complete the action from the catalogue (while typing it)', [...tools, 'query']),
	// A one-line field over a screen (the request context on the Access view).
	command('apply-field', ['enter'], [{key: 'return'}], 'apply', 'Apply what the field holds (the request context: empty clears it; the audit role: empty means OrganizationAccountAccessRole)', ['field']),
	command('cancel-field', ['esc'], [{key: 'escape'}], 'cancel', 'Leave the field as it was', ['field']),
	command('cancel-query', ['esc'], [{key: 'escape'}], 'cancel', 'Leave the question as it was', ['query']),
	command('edit-query', ['/'], [{input: '/'}], 'query', 'Edit the action and resource of the who-can query', ['whocan']),
	command('org-scope', ['o'], [{input: 'o'}], 'account/org', 'Answer in this account, or across the organization (opened first: every account through the audit role, SCPs applied, Identity Center people)', ['whocan']),
	command('audit-role', ['a'], [{input: 'a'}], 'audit role', 'Change the role assumed in each member account (remembered for the profile) and open the organization again', ['accounts']),
	command('command-line', [':'], [{input: ':'}], 'command', `Command line: ${jumpTargetsText}`, 'global'),
	command('reload', ['r'], [{input: 'r'}], 'reload', 'Reload the account snapshot (on the organization\'s screens and org-wide who-can: read the organization again, every account)', 'global'),
	command('help', ['?'], [{input: '?'}], 'help', 'Show or hide this help', 'global'),
	command('quit', ['q'], [{input: 'q'}], 'quit', 'Quit on the first screen, go back elsewhere', 'global'),
	// Ctrl+Z is KeyboardProvider's, before any layer (no text field keeps it): listed here for help and readme.
	command('suspend', ['Ctrl+Z'], [], 'suspend', 'Suspend iamtui to the shell, as any job (fg brings it back, redrawn)', 'global', {footer: false}),
]);

/** Every command's id, as the list above writes them. */
export type CommandId = (typeof commands)[number]['id'];
export type Command = CommandOf<CommandId>;

export interface KeymapOptions {
	readOnly?: boolean;
}

const inScope = (cmd: Command, scope: Scope): boolean =>
	scope === 'global' ? cmd.scope === 'global' : cmd.scope !== 'global' && cmd.scope.includes(scope);

/** Commands of one scope (a screen, or 'global'); dangerous ones are left out in read-only mode. */
export const commandsIn = (scope: Scope, options: KeymapOptions = {}): Command[] =>
	commands.filter(cmd => inScope(cmd, scope) && !(options.readOnly && cmd.dangerous));

/** A screen's own commands followed by the global ones: what the footer and help show. */
export const commandsFor = (screen: KeyScope | undefined, options: KeymapOptions = {}): Command[] => [
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

/**
 * The write a key would start in a scope, were the session not read-only: said on the status line
 * instead of the key doing nothing at all.
 */
export const readOnlyRefusal = (scope: Scope, input: string, key: Key): {id: CommandId; text: string} | undefined => {
	const cmd = commandsIn(scope).find(c => c.dangerous && c.bindings.some(binding => matchesBinding(binding, input, key)));
	return cmd ? {id: cmd.id, text: `READ-ONLY: ${cmd.keys.join('/')} (${cmd.label}) would change the account, so it is off here`} : undefined;
};
