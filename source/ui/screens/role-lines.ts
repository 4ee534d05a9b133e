// The Role screen's lines: trust policy (each statement's principals and conditions), permissions,
// boundary, tags, instance profiles, last use. Principals that reach outside the account are warnings.
import {assumeConditionText, statementText, trustNamesText, trustStatementText} from '../../model/access/role-path-text.js';
import type {AssumeStep} from '../../model/access/types.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {roleKind} from '../../model/role-views.js';
import type {Role} from '../../model/snapshot.js';
import {
	accountOfArn,
	conditionText,
	parseTrustPolicy,
	principalShort,
	type TrustPrincipal,
	type TrustStatement,
} from '../../model/trust-principals.js';
import {formatAgo} from '../../model/views.js';
import {heading, note, type DetailLine} from '../components/DetailList.js';
import type {Route} from '../hooks/routes.js';
import {policyRefLines} from './policy-ref-lines.js';

const orNone = (lines: DetailLine[], key: string): DetailLine[] => (lines.length > 0 ? lines : [note(`${key}-none`, 'none')]);

const outside = (p: TrustPrincipal, own: string | undefined): boolean =>
	p.kind === 'anyone' || p.kind === 'unknown' || (p.accountId !== undefined && own !== undefined && p.accountId !== own);

/** Where enter on a principal goes: a user or role of this account that the snapshot holds. */
const principalRoute = (index: SnapshotIndex, p: TrustPrincipal, own: string | undefined): Route | undefined => {
	if (p.accountId !== own) return undefined;
	if (p.kind === 'user' && index.userByName.has(p.value)) return {screen: 'user', name: p.value};
	if (p.kind === 'role' && index.roleByName.has(p.value)) return {screen: 'role', name: p.value};
	return undefined;
};

const statementLines = (
	index: SnapshotIndex,
	s: TrustStatement,
	n: number,
	own: string | undefined,
	onOpen: (route: Route) => void,
): DetailLine[] => {
	const key = `trust-${n}`;
	const principal = (p: TrustPrincipal, i: number, prefix: string): DetailLine => {
		const route = principalRoute(index, p, own);
		const raw = p.raw !== p.value && p.kind !== 'anyone' ? `  ${p.raw}` : '';
		return {
			key: `${key}-${prefix}-${i}`,
			text: `  ${prefix} ${principalShort(p, own)}${raw}`,
			...(outside(p, own) ? {tone: 'warning' as const} : {}),
			...(route ? {open: () => onOpen(route)} : {}),
			// x on the line takes this principal out of the trust policy (role-writes.ts).
			...(prefix === 'principal' ? {value: p.raw, section: 'trust'} : {}),
		};
	};
	const actions = s.notActions ? `every action except ${s.notActions.join(', ')}` : s.actions.join(', ') || '(no action)';
	return [
		{key, text: `${s.effect || '(no effect)'} ${actions}${s.sid ? `  (${s.sid})` : ''}`},
		...s.principals.map((p, i) => principal(p, i, 'principal')),
		...(s.notPrincipal ?? []).map((p, i) => principal(p, i, 'NOT principal (anyone else may!)')),
		...s.conditions.map((c, i) => note(`${key}-cond-${i}`, `  condition ${conditionText(c)}`)),
	];
};

/** How a caller gets in, on the role's own screen (the role is this one): the statement that lets them, then the trust's. */
const wayIn = (step: AssumeStep): string => {
	const trust = step.trust ? `${trustStatementText(step.trust)} (${trustNamesText(step.trust, 'them')})` : 'the trust';
	const allowedBy = step.identity[0];
	return allowedBy ? `via ${statementText(allowedBy, step.caller.kind === 'user')} · ${trust}` : `named in ${trust}`;
};

/**
 * Who of this account may assume the role, by AWS's rules (named in the trust, or let in by an account trust
 * and their own policies): each with its decision and the way in; enter opens them. Undefined: still worked out.
 */
const mayAssumeLines = (steps: AssumeStep[] | {error: string} | undefined, onOpen: (route: Route) => void): DetailLine[] => {
	if (!steps) return [heading('may-assume', 'May assume it (working it out…)')];
	if (!Array.isArray(steps)) return [heading('may-assume', 'May assume it'), note('may-assume-error', `could not be worked out: ${steps.error}`, 'warning')];
	return [
		heading('may-assume', `May assume it (${steps.length}: users and roles of this account)`),
		...orNone(
			steps.flatMap((step, n) => [
				{
					key: `may-assume-${step.caller.kind}-${step.caller.name}`,
					text: `  ${step.caller.kind} ${step.caller.name}  ${step.decision}  ${wayIn(step)}`,
					...(step.decision === 'Conditional' ? {tone: 'warning' as const} : {}),
					open: () => onOpen({screen: step.caller.kind, name: step.caller.name}),
				},
				...step.conditions.map((c, i) => note(`may-assume-${n}-if-${i}`, `    ${assumeConditionText(c)}`, 'warning')),
			]),
			'may-assume',
		),
	];
};

export const roleLines = (index: SnapshotIndex, role: Role, now: Date, onOpen: (route: Route) => void, mayAssume?: AssumeStep[] | {error: string}): DetailLine[] => {
	const own = accountOfArn(role.arn);
	const trust = parseTrustPolicy(role.trustPolicy);
	const kind = roleKind(role, trust);
	const boundary = role.permissionsBoundaryArn;
	return [
		note('arn', role.arn),
		note('created', `created ${role.createDate.slice(0, 10)} (${formatAgo(role.createDate, now)}) · path ${role.path}`),
		...(kind === 'service-linked' ? [note('kind', 'service-linked role: created and managed by an AWS service')] : []),
		...(kind === 'service' ? [note('kind', 'service role: only AWS services may assume it')] : []),
		...(role.description ? [note('description', role.description)] : []),
		note(
			'last-used',
			role.lastUsed
				? `last used ${role.lastUsed.date.slice(0, 10)} (${formatAgo(role.lastUsed.date, now)})${role.lastUsed.region ? ` in ${role.lastUsed.region}` : ''}`
				: 'last used: no record (never, or before IAM started tracking)',
		),
		heading('trust', `Trust policy (${trust.statements.length} statement${trust.statements.length === 1 ? '' : 's'})`),
		...trust.problems.map((problem, i) => note(`trust-problem-${i}`, `malformed: ${problem}`, 'warning')),
		...trust.statements.flatMap((s, n) => statementLines(index, s, n, own, onOpen)),
		...mayAssumeLines(mayAssume, onOpen),
		...policyRefLines({kind: 'role', ...role}, onOpen),
		heading('boundary', 'Permissions boundary'),
		boundary ? {key: 'boundary-arn', text: boundary, open: () => onOpen({screen: 'policy', arn: boundary})} : note('boundary-none', 'none'),
		heading('tags', `Tags (${role.tags.length})`),
		...orNone(role.tags.map(t => note(`tag-${t.Key}`, `${t.Key} = ${t.Value}`)), 'tags'),
		heading('profiles', `Instance profiles (${role.instanceProfiles.length})`),
		...orNone(role.instanceProfiles.map(p => note(`profile-${p.arn || p.name}`, `${p.name}  ${p.arn}`)), 'profiles'),
	];
};
