// Headless `who-can ACTION` and `can USER ACTION`: the access model's answers for scripts, roles included.
// `can` exits 0 when allowed, 1 when denied, 2 when conditional (errors use other codes), by the widest reach:
// directly or through any role the principal may assume (`--direct`: identity policies alone).
import {parseContext, type ContextShortcuts, type RequestContext} from '../model/access/request-context.js';
import {meantNames} from '../model/close-names.js';
import {buildAccessModel, findRole, rolePrincipal, throughRoles, whoCan, type AccessError, type AccessModel, type AssumeStep, type GrantPath, type RolePath, type StatementRef, type WhoCanEntry} from '../model/access.js';
import {boundaryText, explainFor, scopeLines} from '../model/access/explain.js';
import {principalFor} from '../model/access/model.js';
import {rolePathConditions, rolePathDecision, rolePathText} from '../model/access/role-path-text.js';
import {refusedByContext} from '../model/access/context-refused.js';
import {decidedText, writtenCondition} from '../model/access/context-decided.js';
import {IamError} from '../model/errors.js';
import {sanitize} from '../model/sanitize.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';
import {actionsCovered, decisionWord, resourcesCovered} from '../model/decision-words.js';
import {EXIT_CONDITIONAL, EXIT_DENIED, EXIT_OK} from '../cli/exit-codes.js';
import {capReach, cappedLines, widestReach, type AccountCap} from '../model/org/account-cap.js';
import {scpJson} from './scp-json.js';
import {contextEffects, entryKey, type ContextEffect} from '../model/access/who-can-context.js';
import {contextEffectLines} from '../model/access/who-can-context-text.js';
import {outsideTrustLines} from '../model/access/outside-trust-text.js';
import {unevaluatedText} from '../model/access/unevaluated-text.js';

/** An access question the model cannot answer (unknown action, user): a usage error with close names. */
export const refuse = (error: AccessError): never => {
	const hint = error.suggestions.length > 0 ? `did you mean: ${error.suggestions.join(', ')}?` : '';
	throw new IamError(error.kind === 'unknown-user' ? 'NotFound' : 'Invalid', error.message, hint);
};

/** --context entries and the shortcuts, as the command line gave them. */
export type RequestFlags = ContextShortcuts & {context: string[]};

/** The request context the flags state (none: empty), or an error naming close keys. */
export const requestContextOf = async (request: RequestFlags | undefined): Promise<RequestContext> => {
	const parsed = await parseContext(request?.context ?? [], request ?? {});
	if (!parsed.ok) throw new IamError('Invalid', parsed.message, parsed.suggestions.length > 0 ? `did you mean: ${parsed.suggestions.join(', ')}?` : '');
	return parsed.context;
};

/** The snapshot's access model with the request context stated. */
const modelWith = async (gateway: IamGateway, request: RequestFlags | undefined): Promise<AccessModel> => {
	const context = await requestContextOf(request);
	return buildAccessModel(buildIndex(await gateway.loadSnapshot()), context);
};

export const statementShape = (statement: StatementRef) => ({
	...(statement.source.viaGroup ? {GroupName: statement.source.viaGroup} : {}),
	...(statement.source.role ? {RoleName: statement.source.role} : {}),
	PolicyName: statement.source.name,
	PolicyType: statement.source.kind,
	...(statement.source.arn ? {PolicyArn: statement.source.arn} : {}),
	StatementIndex: statement.statementIndex,
	...(statement.sid ? {Sid: statement.sid} : {}),
	Effect: statement.effect,
});

const pathText = (statement: StatementRef): string =>
	[statement.source.viaGroup ? `group ${statement.source.viaGroup}` : statement.source.role ? `role ${statement.source.role}` : 'direct', statement.source.name, `#${statement.statementIndex}${statement.sid ? ` (${statement.sid})` : ''}`].join(' → ');

/** One assume step for scripts: who, the role, the statements allowing it, the trust statement, the conditions. */
export const assumeStepShape = (step: AssumeStep) => ({
	...(step.caller.kind === 'user' ? {UserName: step.caller.name} : {FromRoleName: step.caller.name}),
	AssumeRoleName: step.role,
	Decision: step.decision,
	Statements: step.identity.map(statementShape),
	...(step.trust ? {Trust: {StatementIndex: step.trust.statementIndex, ...(step.trust.sid ? {Sid: step.trust.sid} : {}), Principal: step.trust.principal}} : {}),
	...(step.conditions.length > 0 ? {Conditions: step.conditions.map(c => ({Operator: c.operator, Key: c.key, Values: c.values, Effect: c.effect, In: c.where}))} : {}),
});

/** On a wildcard resource, for scripts: the resources the grant is limited to, a deny cutting into it. */
const scopeShape = (scope: {resources?: string[]; partlyDenied?: boolean}) => ({
	...(scope.resources ? {ResourcePatterns: scope.resources} : {}),
	...(scope.partlyDenied ? {PartlyDenied: true} : {}),
});

/** A role path for scripts: each assume step (who, the statement allowing it, the trust statement), then the role's grant. */
const rolePathShape = (path: RolePath) => ({
	RoleName: path.role,
	RoleArn: path.roleArn,
	Decision: path.decision,
	Path: path.steps.map(assumeStepShape),
	Statements: distinctPaths(path.via).map(grant => statementShape(grant.statement)),
	...(path.conditions.length > 0 ? {Conditions: path.conditions.map(c => ({...statementShape(c.statement), Operator: c.operator, Key: c.key, Values: c.values}))} : {}),
	Text: rolePathText(path),
	...scopeShape(path),
});

const nameOf = (entry: WhoCanEntry) =>
	entry.kind === 'user' ? {UserName: entry.name} : entry.kind === 'group' ? {GroupName: entry.name} : {RoleName: entry.name};

const distinctPaths = (via: GrantPath[]) => {
	const seen = new Map<string, GrantPath>();
	for (const grant of via) seen.set(`${grant.statement.source.viaGroup}|${grant.statement.source.name}|${grant.statement.statementIndex}`, grant);
	return [...seen.values()];
};

/** One who-can principal for scripts; `total`: how many actions the query expanded to. */
export const principalShape = (entry: WhoCanEntry, total: number) => ({
	...nameOf(entry),
	Arn: entry.arn,
	Decision: entry.decision,
	Actions: entry.actions,
	// A wildcard query: Allowed for only some of its actions is Partly (the text column says so too).
	...(decisionWord(entry, total) === 'Partly' ? {Partly: true} : {}),
	Via: [...distinctPaths(entry.via).map(grant => statementShape(grant.statement)), ...(entry.throughRoles ?? []).map(rolePathShape)],
	...(entry.conditions.length > 0 ? {Conditions: entry.conditions.map(c => ({Operator: c.operator, Key: c.key, Values: c.values, Effect: c.effect}))} : {}),
	...scopeShape(entry),
	...(entry.incomplete ? {Incomplete: true} : {}),
});

/** For scripts: on each row a request context settled, that it was Conditional without it and what decided. */
export const settledShapes = (changed: ContextEffect[]) => {
	const settled = new Map(changed.filter(e => e.decision === 'Allowed').map(e => [entryKey(e), e]));
	return (entry: WhoCanEntry) => {
		const effect = settled.get(entryKey(entry));
		return effect ? {WithoutContext: 'Conditional', ...(effect.decided ? {DecidedBy: effect.decided} : {})} : {};
	};
};

/** The DECISION column: Allowed, Conditional, or Partly with how many of the query's actions; then what resources it covers when not all. */
export const decisionCell = (entry: WhoCanEntry, total: number): string =>
	[decisionWord(entry, total), actionsCovered(entry, total), resourcesCovered(entry)].filter(Boolean).join(' ');

export const whoCanCommand = async (gateway: IamGateway, action: string | undefined, resource: string | undefined, json: boolean, request?: RequestFlags): Promise<CommandResult> => {
	if (!action) throw new IamError('Invalid', 'who-can needs an action', 'usage: iamtui who-can ACTION [--resource ARN] [--context KEY=VALUE]… [--json]');
	const model = await modelWith(gateway, request);
	const answer = await whoCan(model, action, resource ?? '*');
	if (!answer.ok) return refuse(answer);
	const entries = [...answer.users, ...answer.groups, ...answer.roles];
	// With context given: the rows it settled say what decided (JSON keeps the array of who can; those it took away are in the notes).
	const effects = await contextEffects(model, action, answer.resource, answer);
	const settled = settledShapes(effects.changed);
	const principals = entries.map(entry => ({...principalShape(entry, answer.actions.length), ...settled(entry)}));
	const notes = [
		...answer.notes,
		...answer.couldNotEvaluate.map(p => `could not evaluate ${unevaluatedText(p)}`),
		...outsideTrustLines(answer.roleNotes).map(line => `trust outside this account, not counted: ${line}`),
		...(answer.users.some(u => u.throughRoles) ? ['through roles: the best path of each user (Allowed first, then fewest roles); `iamtui can USER ACTION` lists every role'] : []),
		...(model.context ? contextEffectLines(model.context, effects) : []),
	].map(sanitize);
	// The JSON is the list of who can; what the text says under its table goes to stderr, so a script sees it too
	// (a policy that could not be evaluated may grant someone the list leaves out).
	if (json) return {stdout: JSON.stringify(principals, null, 2), ...(notes.length > 0 ? {stderr: `${notes.join('\n')}\n`} : {})};
	const viaOf = (entry: WhoCanEntry) => {
		const paths = [...distinctPaths(entry.via).map(grant => pathText(grant.statement)), ...(entry.throughRoles ?? []).map(p => `through role ${p.role}: ${rolePathText(p)}`)];
		// No path: what the row hangs on (a policy that could not be evaluated).
		return (paths.length > 0 ? paths : entry.conditions.map(c => `${c.key} ${c.operator}`)).join('; ');
	};
	const rows = entries.map(entry => [entry.kind, entry.name, decisionCell(entry, answer.actions.length), viaOf(entry)]);
	return {stdout: [textTable(['KIND', 'NAME', 'DECISION', 'VIA'], rows), ...notes].join('\n')};
};

const EXIT_BY_DECISION = {Allowed: EXIT_OK, ExplicitDeny: EXIT_DENIED, ImplicitDeny: EXIT_DENIED, Conditional: EXIT_CONDITIONAL} as const;

/** A user by name (or ARN), else a role by name or ARN. */
const principalNamed = (model: AccessModel, name: string) => {
	const user = model.index.userByName.get(name) ?? model.index.snapshot.users.find(u => u.arn === name);
	if (user) return principalFor(model, 'user', user.name);
	const role = findRole(model, name);
	return role ? rolePrincipal(model, role) : undefined;
};

export const canCommand = async (
	gateway: IamGateway,
	userName: string | undefined,
	action: string | undefined,
	resource: string | undefined,
	json: boolean,
	direct = false,
	request?: RequestFlags,
): Promise<CommandResult> => {
	if (!userName || !action) throw new IamError('Invalid', 'can needs a user (or role) and an action', CAN_USAGE);
	return canOnModel(await modelWith(gateway, request), userName, action, resource, json, direct);
};

export const CAN_USAGE = 'usage: iamtui can USER|ROLE ACTION [--resource ARN] [--direct] [--json] | USER|ROLE ACTION --org --account ACCOUNT';

/** The account line `can --org --account` ends with, and the controls' notes under it when they changed nothing. */
const accountLines = (account: AccountCap['account'], capped: Parameters<typeof cappedLines>[1]): string[] => {
	const {head, changed, notes} = cappedLines(account, capped);
	return changed ? [`${head} (${notes.join('; ')})`] : [head, ...notes.map(n => `  note: ${n}`)];
};

/** `can` on a model already built: one account's, or (with `cap`) a member account's, SCPs applied. */
export const canOnModel = async (model: AccessModel, userName: string, action: string, resource: string | undefined, json: boolean, direct: boolean, cap?: AccountCap): Promise<CommandResult> => {
	const principal = principalNamed(model, userName);
	if (!principal) {
		const names = [...model.index.userByName.keys(), ...(model.index.snapshot.roles ?? []).map(r => r.name)];
		const near = meantNames(userName, names);
		// In a member account, `iamtui users` would list the profile's own account: its names are said here instead.
		const where = cap ? `${cap.account.name} (${cap.account.id})` : 'this account';
		const listed = names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ') || 'none';
		const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : cap ? `its users and roles: ${listed}` : 'list them with: iamtui users, iamtui roles';
		throw new IamError('NotFound', `no user or role named ${userName} in ${where}`, hint, 'NoSuchEntity');
	}
	const answer = await explainFor(model, principal, action, resource ?? '*');
	if (!answer.ok) return refuse(answer);
	const paths = direct ? [] : await throughRoles(model, principal, answer.action, answer.resource);
	// With context given: the role paths it took away, and what decided.
	const refused = direct ? [] : await refusedByContext(model, principal, answer.action, answer.resource, paths);
	const reach = widestReach(answer.decision, paths);
	const capped = cap ? await capReach(cap, principal, reach, answer.action, answer.resource) : undefined;
	const effective = capped?.effective ?? reach;
	const exitCode = EXIT_BY_DECISION[effective];
	if (json) {
		return {
			exitCode,
			stdout: JSON.stringify(
				{
					...(principal.kind === 'role' ? {RoleName: principal.name} : {UserName: principal.name}),
					Action: answer.action,
					Resource: answer.resource,
					Decision: answer.decision,
					Statements: answer.statements.map(statementShape),
					Conditions: answer.conditions.map(c => ({...statementShape(c.statement), Operator: c.operator, Key: c.key, Values: c.values})),
					// On a wildcard resource: the resources the grant is limited to ('*': all), the denies that cut into it.
					ResourcePatterns: answer.resourcePatterns,
					PartialDenies: answer.partialDenies.map(statementShape),
					BlockedByBoundary: answer.blockedByBoundary,
					...(answer.boundary ? {PermissionsBoundary: {PolicyName: answer.boundary.name, PolicyArn: answer.boundary.arn}} : {}),
					CouldNotEvaluate: answer.couldNotEvaluate.map(p => ({PolicyName: p.source.name, Reason: p.reason})),
					Notes: answer.notes,
					...(answer.decidedBy ? {DecidedBy: answer.decidedBy.map(c => ({...statementShape(c.statement), Operator: c.operator, Key: c.key, Values: c.values, Given: c.given, Holds: c.holds}))} : {}),
					...(direct ? {} : {ThroughRoles: paths.map(rolePathShape), WidestDecision: reach}),
					...(refused.length > 0 ? {RefusedByContext: refused.map(r => ({RoleName: r.role, Decided: r.decided}))} : {}),
					...(cap && capped
						? {
								Account: {Id: cap.account.id, Name: cap.account.name},
								Scp: capped.serviceLinked ? {Verdict: 'EXEMPT', Reason: 'service-linked roles are not limited by SCPs'} : scpJson(capped.scp),
								Rcp: capped.serviceLinked ? {Verdict: 'EXEMPT', Reason: 'service-linked roles are not limited by RCPs'} : scpJson(capped.rcp, 'RCP'),
								EffectiveDecision: effective,
							}
						: {}),
				},
				null,
				2,
			),
		};
	}
	const lines = [
		`${principal.kind === 'role' ? 'role ' : ''}${answer.userName} ${answer.action} on ${answer.resource}: ${answer.decision}${direct ? ' (identity policies only)' : paths.length > 0 ? ` directly; ${widestReach('ImplicitDeny', paths)} through roles` : ''}`,
		...answer.statements.map(s => `  ${s.effect === 'Deny' ? 'denied by' : 'granted by'} ${pathText(s)}`),
		...answer.conditions.map(c => `  if ${c.operator} ${c.key} ${c.values.join(',')} (${pathText(c.statement)})`),
		...scopeLines(answer, pathText).map(line => `  ${line}`),
		...(answer.decidedBy ?? []).map(c => `  ${decidedText(c.given, writtenCondition(c), c.holds, pathText(c.statement))}`),
		...(answer.blockedByBoundary ? [`  the permissions boundary ${boundaryText(answer.boundary)} does not allow it`] : []),
		...paths.flatMap(p => [`  through role ${p.role}: ${rolePathDecision(p)}: ${rolePathText(p)}`, ...rolePathConditions(p).map(c => `    ${c}`)]),
		...refused.flatMap(r => [`  not through role ${r.role} with the context given`, ...r.decided.map(d => `    ${d}`)]),
		...answer.notes.map(n => `  note: ${n}`),
		...answer.couldNotEvaluate.map(p => `  could not evaluate ${p.source.name}: ${p.reason}`),
		...(cap && capped ? accountLines(cap.account, capped) : []),
	];
	// User, group, role, policy names and condition values come from the account: untrusted, made inert.
	return {stdout: lines.map(sanitize).join('\n'), exitCode};
};
