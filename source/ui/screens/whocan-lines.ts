// A who-can answer as detail lines: users, then groups, each with its grant paths and conditions;
// then the policies that could not be evaluated and the notes. Every line of a principal opens it; a
// user opens on the group (or policy) that grants — the first path, or the path line chosen — so that
// `x` there removes them from exactly that group.
import {resourceVariableNote, type PolicySource, type RolePath, type WhoCanAnswer, type WhoCanEntry} from '../../model/access.js';
import {throughRolesDecision} from '../../model/access/who-can-roles.js';
import {drawnLine, heading, note, type DetailLine} from '../components/DetailList.js';
import type {UserLineFocus} from '../hooks/routes.js';
import {rolePathConditions, rolePathDecision, rolePathText} from '../../model/access/role-path-text.js';
import {actionsCovered, decisionWord, resourcesCovered} from '../../model/decision-words.js';
import {conditionText, pathText} from './access-text.js';
import {unevaluatedText} from '../../model/access/unevaluated-text.js';
import {outsideTrustLines} from '../../model/access/outside-trust-text.js';
import type {ContextEffect, ContextEffects} from '../../model/access/who-can-context.js';
import {effectOutcome, effectsHeading} from '../../model/access/who-can-context-text.js';
import type {RequestContext} from '../../model/access/request-context.js';

/** With a request context set: what it changed among those Conditional without it (who-can-context.ts). */
export interface ContextChange {
	context: RequestContext;
	/** Undefined while it is worked out (the same question asked without the context). */
	effects?: ContextEffects;
	/** Why it could not be worked out (the answer above stands). */
	error?: string;
}

/** The User screen line for a grant path: the group it came through, else the user's own policy. */
export const focusOf = (source: PolicySource): UserLineFocus | undefined => {
	if (source.viaGroup) return {section: 'groups', value: source.viaGroup};
	if (source.kind === 'managed' && source.arn) return {section: 'attached', value: source.arn};
	if (source.kind === 'inline') return {section: 'inline', value: source.name};
	return undefined;
};

type Opener = (source?: PolicySource) => void;

/** What lets the user assume a path's first role (the group's statement, else their own): where its lines open. */
const assumedBy = (path: RolePath | undefined): PolicySource | undefined => path?.steps[0]?.identity[0]?.source;

/** "    through role Admin (Conditional): group Developers → … → statement #1": what is not plain Allowed everywhere is said. */
const rolePathLine = (path: RolePath): string =>
	`    through role ${path.role}${path.decision === 'Conditional' || resourcesCovered(path) ? ` (${rolePathDecision(path).replace(/^Allowed /, '')})` : ''}: ${rolePathText(path)}`;

/**
 * A user whose best path through roles is Allowed, no request context set: the path has no condition lines, so its
 * one line is known without building it — the path is built when the line is drawn (most users of a large answer
 * never are) or opened.
 */
const allowedRoleLine = (entry: WhoCanEntry, key: string, openAt: Opener): DetailLine =>
	drawnLine({key: `${key}-role-0`, dim: true, open: () => openAt(assumedBy(entry.throughRoles?.[0]))}, () => rolePathLine(entry.throughRoles![0]!));

const entryLines = (entry: WhoCanEntry, total: number, openAt: Opener, contextSet: boolean): DetailLine[] => {
	const many = total > 1;
	const key = `${entry.kind}-${entry.name}`;
	const paths = new Map<string, {actions: string; source: PolicySource}>();
	for (const grant of entry.via) {
		const text = pathText(grant.statement);
		const known = paths.get(text);
		const actions = grant.actions.join(', ');
		paths.set(text, {actions: many ? `${known ? `${known.actions}, ` : ''}${actions}` : '', source: grant.statement.source});
	}
	const actions = many ? `  ${actionsCovered(entry, total)}` : '';
	const incomplete = entry.incomplete ? '  (a policy could not be evaluated)' : '';
	const covered = resourcesCovered(entry);
	return [
		{
			key,
			text: `${entry.name}  ${decisionWord(entry, total)}${actions}${covered ? `  ${covered}` : ''}${incomplete}`,
			tone: entry.decision === 'Conditional' || entry.incomplete ? 'warning' : undefined,
			// A user reaching it only through a role opens on what lets them assume it (the group, else their policy).
			open: () => openAt(entry.via[0]?.statement.source ?? assumedBy(entry.throughRoles?.[0])),
		},
		...[...paths].map(([path, {actions, source}]) => ({
			key: `${key}-via-${path}`,
			text: `    via ${path}${actions ? `  [${actions}]` : ''}`,
			dim: true,
			open: () => openAt(source),
		})),
		...entry.conditions.map((condition, n) => ({
			key: `${key}-if-${n}`,
			text: `    ${conditionText(condition)}  (${pathText(condition.statement)})`,
			tone: 'warning' as const,
			open: () => openAt(condition.statement.source),
		})),
		...(!contextSet && throughRolesDecision(entry) === 'Allowed' ? [allowedRoleLine(entry, key, openAt)] : (entry.throughRoles ?? []).flatMap((path, n) => [
			{
				key: `${key}-role-${n}`,
				text: rolePathLine(path),
				tone: path.decision === 'Conditional' ? ('warning' as const) : undefined,
				dim: path.decision !== 'Conditional',
				open: () => openAt(assumedBy(path)),
			},
			...rolePathConditions(path).map((text, c) => ({key: `${key}-role-${n}-if-${c}`, text: `      ${text}`, tone: 'warning' as const, open: () => openAt(assumedBy(path))})),
		])),
	];
};

/** Where a line of the answer opens: a user (on the line that granted), a group, a role. */
export interface WhoCanOpeners {
	user: (name: string, focus?: UserLineFocus) => void;
	group: (name: string) => void;
	role?: (name: string) => void;
}

export const whoCanLines = (answer: WhoCanAnswer, open: WhoCanOpeners, change?: ContextChange): DetailLine[] => {
	const {user: onOpenUser, group: onOpenGroup} = open;
	const many = answer.actions.length > 1;
	// A pattern reads as a question of some of its actions ("who can 826 actions" was no sentence).
	const what = many ? `do any of the ${answer.actions.length} actions` : answer.actions[0] ?? '';
	// A note on the question itself (a variable in the resource) comes before the answer, not after every user.
	const asked = resourceVariableNote(answer.resource);
	const lines: DetailLine[] = [
		...(asked ? [note('asked', asked, 'warning')] : []),
		heading('users', `Users who can ${what} on ${answer.resource} (${answer.users.length})`),
	];
	const total = answer.actions.length;
	const contextSet = change !== undefined;
	lines.push(...answer.users.flatMap(entry => entryLines(entry, total, source => onOpenUser(entry.name, source ? focusOf(source) : undefined), contextSet)));
	if (answer.users.length === 0) lines.push(note('users-none', 'nobody'));
	// A person can reach it through many chains of roles: who-can shows the best one of each.
	if (answer.users.some(u => u.throughRoles)) lines.push(note('users-role-paths', 'through roles: the best path of each (Allowed first, then fewest roles); Explain (e) on a user\'s Access lists every role'));
	lines.push(heading('groups', `Groups whose policies grant it (${answer.groups.length})`));
	lines.push(...answer.groups.flatMap(entry => entryLines(entry, total, () => onOpenGroup(entry.name), contextSet)));
	if (answer.groups.length === 0) lines.push(note('groups-none', 'none'));
	// Roles are principals too: rows of their own, each opening the Role screen.
	if (answer.roles.length > 0) {
		lines.push(heading('roles', `Roles whose policies grant it (${answer.roles.length})`));
		lines.push(...answer.roles.flatMap(entry => entryLines(entry, total, () => open.role?.(entry.name), contextSet)));
	}
	if (answer.roleNotes.length > 0) {
		lines.push(heading('role-trust', 'Trust outside this account (not counted above)'));
		lines.push(...outsideTrustLines(answer.roleNotes).map((text, n) => note(`role-trust-${n}`, text, 'warning')));
	}
	if (answer.couldNotEvaluate.length > 0) {
		lines.push(heading('problems', `Policies that could not be evaluated (${answer.couldNotEvaluate.length})`));
		for (const problem of answer.couldNotEvaluate) lines.push(note(`problem-${problem.source.name}-${problem.source.viaGroup ?? ''}`, unevaluatedText(problem), 'warning'));
	}
	if (change) lines.push(...contextLines(change, open));
	const notes = answer.notes.filter(text => text !== asked);
	if (notes.length > 0) {
		lines.push(heading('notes', 'Notes'));
		lines.push(...notes.map((text, n) => note(`note-${n}`, text)));
	}
	return lines;
};

/**
 * Each principal a request context changed (this account's answer, or one account's of the organization's), its line
 * and the lines of what decided under it opening what `opensOf` says; `indent` sets them under an account.
 */
export const effectLines = (changed: ContextEffect[], key: string, opensOf: (effect: ContextEffect) => Pick<DetailLine, 'open'>, indent = ''): DetailLine[] =>
	changed.flatMap((effect, n): DetailLine[] => {
		const opens = opensOf(effect);
		return [
			{key: `${key}-${n}`, text: `${indent}${effect.kind} ${effect.name}: ${effectOutcome(effect)}`, tone: effect.decision === 'Allowed' ? undefined : 'warning', ...opens},
			...(effect.decided ?? []).map((line, d) => ({key: `${key}-${n}-${d}`, text: `${indent}    ${line}`, dim: true, ...opens})),
		];
	});

/** Whom the context changed: each line opens the principal; what decided, under it. */
const contextLines = ({context, effects, error}: ContextChange, open: WhoCanOpeners): DetailLine[] => {
	if (error) return [heading('context', 'What the request context changed'), note('context-error', `could not be worked out: ${error}`, 'warning')];
	if (!effects) return [heading('context', 'What the request context changed'), note('context-working', 'working it out (the same question without the context)…')];
	if (effects.changed.length === 0) return [];
	const unexplained = effects.changed.some(effect => !effect.decided);
	return [
		heading('context', `What the request context changed (${effects.changed.length})`),
		note('context-given', effectsHeading(context)),
		...effectLines(effects.changed, 'context', effect => {
			const opener = effect.kind === 'user' ? open.user : effect.kind === 'group' ? open.group : open.role;
			return opener ? {open: () => opener(effect.name)} : {};
		}),
		...(unexplained ? [note('context-more', 'what decided is worked out for the first few; Explain (e) on a user\'s Access view, with the same context (c), says it for any of them')] : []),
	];
};
