// Headless `who-can ACTION --org`: every account of the organization, each read through the audit role,
// answered by its own policies, capped by the SCPs on its path, with the Identity Center people who reach
// it through a permission set's role. Grouped by account; an account that could not be read is named
// (and makes the exit code a failure), never counted as "nobody".
import {EXIT_FAILURE} from '../cli/exit-codes.js';
import type {WhoCanEntry} from '../model/access/types.js';
import {accountAnswerInputs, freshModels} from '../model/org/account-answers.js';
import type {RequestContext} from '../model/access/request-context.js';
import {contextEffectLines, contextGivenText} from '../model/access/who-can-context-text.js';
import {reachViaText, type IdentityCenter} from '../model/org/identity-center.js';
import type {OpenedOrganization} from '../model/org/org-load.js';
import {orgWhoCan, type OrgAccountAnswer, type PersonThroughSet} from '../model/org/org-who-can.js';
import {actionsCovered, decisionWord} from '../model/decision-words.js';
import {sanitize} from '../model/sanitize.js';
import {decisionCell, principalShape, refuse, settledShapes} from './access.js';
import type {CommandResult} from './result.js';
import {scpJson} from './scp-json.js';
import {textTable} from './text-table.js';

export interface OrgWhoCanInput {
	opened: OpenedOrganization;
	/** Identity Center, or why it could not be read (the IAM answers stand without it). */
	identityCenter: IdentityCenter | {error: string};
}

const personJson = (person: PersonThroughSet) => ({
	UserName: person.user.userName,
	...(person.user.displayName ? {DisplayName: person.user.displayName} : {}),
	PermissionSet: person.permissionSet.name,
	Via: person.via.map(v => (v.kind === 'direct' ? {Type: 'USER'} : {Type: 'GROUP', GroupName: v.group.displayName})),
	RoleName: person.role,
	Decision: person.decision,
	Actions: person.actions,
});

/** Own policies, roles, or both (a user with a group grant who may also assume Admin). */
const entryVia = (entry: WhoCanEntry): string =>
	[...(entry.via.length > 0 ? ['own policies'] : []), ...(entry.throughRoles ? [`through role ${entry.throughRoles.map(p => p.role).join(', ')}`] : [])].join('; ') || 'own policies';

const accountRows = (answer: OrgAccountAnswer, total: number): string[][] => [
	...[...answer.users, ...answer.groups, ...answer.roles].map(entry => [entry.kind, entry.name, decisionCell(entry, total), entryVia(entry)]),
	...answer.people.map(person => ['person', person.user.userName, [decisionWord(person, total), actionsCovered(person, total)].filter(Boolean).join(' '), `${reachViaText(person.via)} → permission set ${person.permissionSet.name} → role ${person.role}`]),
];

export const orgWhoCanCommand = async (input: OrgWhoCanInput, action: string, resource: string, json: boolean, request: RequestContext = {}): Promise<CommandResult> => {
	const {opened} = input;
	// With a request context, every account's answer and every SCP and RCP assume it.
	const given = Object.keys(request).length > 0 ? request : undefined;
	const asked = await accountAnswerInputs(opened, action, resource, freshModels(given));
	// An unknown action is the same in every account: refused once, as one-account who-can refuses it.
	if (!asked.ok) return refuse(asked);
	const {inputs} = asked;
	const ic = 'error' in input.identityCenter ? undefined : input.identityCenter;
	const answers = await orgWhoCan(opened.organization, inputs, ic, action, resource, given);
	// The query expands the same way in every account (one action catalogue): Partly counts against it.
	const total = inputs.find(input => 'answer' in input)?.answer.actions.length ?? 1;
	// A suspended or closing account is skipped, as `accounts` skips it: nobody acts there, so it is not a gap.
	const failed = new Set(opened.accounts.filter(a => a.load.kind === 'failed').map(a => a.account.id));
	const unread = answers.filter(a => failed.has(a.accountId));
	const icNote = 'error' in input.identityCenter ? `Identity Center not read (${input.identityCenter.error}): people reaching accounts through permission sets are not shown` : undefined;
	const stderr = unread.length > 0 ? `iamtui: ${unread.length} of ${answers.length} accounts could not be read, so the answer may miss who can there: ${unread.map(a => `${a.accountName} (${a.accountId})`).join(', ')}\n` : undefined;
	const tail = {...(stderr ? {stderr, exitCode: EXIT_FAILURE} : {})};
	if (json) {
		const body = {
			Action: action,
			Resource: resource,
			...(given ? {Context: given} : {}),
			...(icNote ? {IdentityCenter: {Read: false, Reason: icNote}} : {IdentityCenter: {Read: true}}),
			Accounts: answers.map(a => {
				const settled = settledShapes(a.contextChanged);
				return {
					Id: a.accountId,
					Name: a.accountName,
					Scp: scpJson(a.scp),
					Rcp: scpJson(a.rcp, 'RCP'),
					Principals: [...a.users, ...a.groups, ...a.roles].map(entry => ({...principalShape(entry, total), ...settled(entry)})),
					People: a.people.map(personJson),
					BlockedByScp: a.blockedByScp,
					BlockedByRcp: a.blockedByRcp,
					...(a.error ? {Error: a.error} : {}),
					// Whom the context changed here, among those Conditional without it (those it took away are only here).
					...(given ? {ContextChanged: a.contextChanged.map(effect => ({Kind: effect.kind, Name: effect.name, Decision: effect.decision, ...(effect.decided ? {DecidedBy: effect.decided} : {})}))} : {}),
					Notes: a.notes,
				};
			}),
		};
		return {stdout: JSON.stringify(body, null, 2), ...tail};
	}
	const sections = answers.map(a => {
		const rows = accountRows(a, total);
		const head = `${a.accountName} (${a.accountId})${a.error ? (failed.has(a.accountId) ? ': NOT READ' : ': skipped') : `: ${rows.length} can${a.blockedByScp > 0 ? `, ${a.blockedByScp} blocked by SCP` : ''}${a.blockedByRcp > 0 ? `, ${a.blockedByRcp} blocked by RCP` : ''}`}`;
		const notes = a.notes.map(n => `  note: ${sanitize(n)}`);
		const changed = given ? contextEffectLines(given, {changed: a.contextChanged}, `iamtui can NAME ACTION --org --account ${a.accountName}`).map(line => `  ${sanitize(line)}`) : [];
		return [head, ...(rows.length > 0 ? [textTable(['KIND', 'NAME', 'DECISION', 'VIA'], rows).split('\n').map(line => `  ${line}`).join('\n')] : []), ...changed, ...notes].join('\n');
	});
	const assumed = given ? [`assuming the request context given: ${sanitize(contextGivenText(given))} (in every account, and for its SCPs and RCPs)`] : [];
	return {stdout: [`who can ${action} on ${resource}, across ${answers.length} accounts`, ...assumed, ...(icNote ? [`note: ${icNote}`] : []), '', sections.join('\n\n')].join('\n'), ...tail};
};
