// An organization-wide who-can answer as detail lines, grouped by account: the account with how many can
// (or that it was not read; principals blocked by SCPs or RCPs counted), what the SCPs on its path say (denied here by which SCP on which OU), then
// each principal with its path — an IAM user, group or role with the statement that grants it or the
// roles it goes through, an Identity Center person as user → group → permission set → role → account.
// Enter on a principal opens it (the target says which; the route is the caller's to choose).
import type {WhoCanEntry} from '../../model/access.js';
import {rolePathText} from '../../model/access/role-path-text.js';
import {decisionWord, resourcesCovered} from '../../model/decision-words.js';
import {reachViaText} from '../../model/org/identity-center.js';
import {partlyNotes, scpNote, settledTexts, targetText, type OrgAccountAnswer, type PersonThroughSet} from '../../model/org/org-who-can.js';
import {drawnLine, heading, note, type DetailLine} from '../components/DetailList.js';
import type {UserLineFocus} from '../hooks/routes.js';
import {pathText} from './access-text.js';
import {effectLines, focusOf} from './whocan-lines.js';

/** What enter on a principal's line opens: an Identity Center person, or an IAM principal in its account (a user on the line that grants). */
export type OrgLineTarget = {kind: 'person'; userId: string} | {kind: 'user' | 'group' | 'role'; name: string; accountId: string; focus?: UserLineFocus};

const entryPath = (entry: WhoCanEntry): string => {
	const grant = entry.via[0];
	// The line already starts with the principal; its own statement's text names the group or role it hangs on.
	const own = grant ? pathText(grant.statement) : undefined;
	const role = entry.throughRoles?.[0];
	const through = role ? `IAM ${entry.kind} ${entry.name} → ${rolePathText(role)}` : undefined;
	return [own, through].filter(Boolean).join('; also ') || 'own policies';
};

/** A user opens on the group or policy that grants (as in this account's who-can); others have no such line. */
const grantFocus = (entry: WhoCanEntry): {focus?: UserLineFocus} => {
	const source = entry.kind === 'user' ? entry.via[0]?.statement.source : undefined;
	const focus = source ? focusOf(source) : undefined;
	return focus ? {focus} : {};
};

const personPath = (person: PersonThroughSet, account: string): string => {
	const rest = `permission set ${person.permissionSet.name} → role ${person.role} → account ${account}`;
	const [only, ...more] = person.via;
	if (only && more.length === 0) return `IC user ${person.user.userName}${only.kind === 'group' ? ` → group ${only.group.displayName}` : ''} → ${rest}`;
	// Assigned more than one way (directly and through a group, say): the person named once, each way in brackets.
	return `IC user ${person.user.userName} (${reachViaText(person.via)}) → ${rest}`;
};

const accountHead = (answer: OrgAccountAnswer, able: number): string => {
	const name = `${answer.accountName} (${answer.accountId})`;
	if (answer.error) return `${name}: ${answer.skipped ? 'skipped' : 'NOT READ'}`;
	const blocked = `${answer.blockedByScp > 0 ? `, ${answer.blockedByScp} blocked by SCP` : ''}${answer.blockedByRcp > 0 ? `, ${answer.blockedByRcp} blocked by RCP` : ''}`;
	return `${name}: ${able} can${blocked}`;
};

const scpLine = (answer: OrgAccountAnswer, key: string): DetailLine[] => {
	const scp = answer.scp;
	if (scp.kind === 'denied') {
		const where = targetText(scp.decider.target);
		const text = scp.how === 'explicit-deny' ? `SCP ${scp.decider.scp?.name ?? '?'} on ${where} denies it here: nobody in this account can` : `no SCP on ${where} allows it: nobody in this account can`;
		// With a request context: what it settled in that SCP.
		return [note(`${key}-scp`, text, 'warning'), ...settledTexts(scp, 'SCP').map((line, n) => note(`${key}-scp-decided-${n}`, `  ${line}`))];
	}
	if (scp.kind === 'exempt') return [note(`${key}-scp`, scp.reason)];
	// Which SCPs, and the conditions the request would have to meet: as the command line says it.
	if (scp.kind === 'conditional' || scp.kind === 'unknown') return [note(`${key}-scp`, scpNote(scp) ?? '', 'warning')];
	// A wildcard's actions treated differently: each group they limit, by name, a line each.
	return scp.kind === 'partly' ? partlyNotes(scp, 'SCP').map((text, n) => note(`${key}-scp${n === 0 ? '' : `-${n}`}`, text, 'warning')) : [];
};

/** With a request context: whom it changed here among those Conditional without it, each line opening the principal in its account. */
const contextLines = (answer: OrgAccountAnswer, key: string, onOpen?: (target: OrgLineTarget) => void): DetailLine[] => {
	const {contextChanged: changed} = answer;
	if (changed.length === 0) return [];
	return [
		note(`${key}-context`, `the request context changed here (${changed.length}), of those Conditional without it:`),
		...effectLines(changed, `${key}-context`, effect => (onOpen ? {open: () => onOpen({kind: effect.kind, name: effect.name, accountId: answer.accountId})} : {}), '  '),
	];
};

export const orgWhoCanLines = (answers: OrgAccountAnswer[], total: number, onOpen?: (target: OrgLineTarget) => void): DetailLine[] =>
	answers.flatMap(answer => {
		const key = `account-${answer.accountId}`;
		const entries = [...answer.users, ...answer.groups, ...answer.roles];
		// Words made when drawn: a user's path through roles is built when first read, and across the organization
		// there are tens of thousands of lines of which a screen shows a few dozen.
		const principals: DetailLine[] = entries.map(entry =>
			drawnLine(
				{
					key: `${key}-${entry.kind}-${entry.name}`,
					tone: entry.decision === 'Conditional' ? 'warning' : undefined,
					...(onOpen ? {open: () => onOpen({kind: entry.kind, name: entry.name, accountId: answer.accountId, ...grantFocus(entry)})} : {}),
				},
				() => `${entry.kind} ${entry.name}  ${[decisionWord(entry, total), resourcesCovered(entry)].filter(Boolean).join(' ')}  ${entryPath(entry)}`,
			),
		);
		const people: DetailLine[] = answer.people.map(person => ({
			key: `${key}-person-${person.user.id}-${person.permissionSet.arn}`,
			text: `person ${person.user.userName}  ${decisionWord(person, total)}  ${personPath(person, answer.accountName)}`,
			tone: person.decision === 'Conditional' ? 'warning' : undefined,
			...(onOpen ? {open: () => onOpen({kind: 'person', userId: person.user.id})} : {}),
		}));
		// The model's first note is the SCPs' word whenever they are not simply permitting: said above in full.
		const own = answer.error || answer.scp.kind === 'permitted' || scpNote(answer.scp) === undefined ? answer.notes : answer.notes.slice(1);
		const notes = own.map((text, n) => note(`${key}-note-${n}`, text, answer.error ? 'error' : undefined));
		return [
			heading(key, accountHead(answer, entries.length + people.length)),
			...(answer.error ? [] : scpLine(answer, key)),
			...people,
			...principals,
			...(answer.error || entries.length + people.length > 0 ? [] : [note(`${key}-none`, 'nobody')]),
			...contextLines(answer, key, onOpen),
			...notes,
		];
	});
