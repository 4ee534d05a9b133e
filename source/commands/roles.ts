// Headless `roles` and `role NAME`: the account's roles with who may assume them. JSON keys are the IAM
// API's own (GetRole / GetAccountAuthorizationDetails), documents parsed, so scripts need no dictionary.
import {IamError, noneNamed} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {buildAccessModel} from '../model/access/model.js';
import {whoCanAssume} from '../model/access/role-assumers.js';
import {assumeConditionText, stepText} from '../model/access/role-path-text.js';
import type {AssumeStep} from '../model/access/types.js';
import {isRoleAdminEquivalent} from '../model/role-admin.js';
import {roleCycle} from '../model/role-cycles.js';
import {roleHygiene} from '../model/role-hygiene.js';
import {roleFindingsCell, roleRow, roleRows} from '../model/role-views.js';
import {sanitize} from '../model/sanitize.js';
import type {Role} from '../model/snapshot.js';
import {accountOfArn, conditionText, parseTrustPolicy, principalShort} from '../model/trust-principals.js';
import {assumeStepShape} from './access.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

/** A document as an object when it is JSON; as the text that arrived otherwise (a malformed trust policy). */
const parsedDocument = (text: string): unknown => {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

/** What iamtui adds to IAM's shape (not IAM keys): the badge, the findings, a trust policy's problems. */
export interface RoleExtras {
	admin: boolean;
	now: Date;
	/** A loop of roles naming each other in their trust (role-cycles.ts). */
	cycle?: string[];
}

export const roleJson = (role: Role, extras?: RoleExtras) => ({
	RoleName: role.name,
	RoleId: role.id,
	Arn: role.arn,
	Path: role.path,
	CreateDate: role.createDate,
	AssumeRolePolicyDocument: parsedDocument(role.trustPolicy),
	...(role.description ? {Description: role.description} : {}),
	...(role.maxSessionDuration ? {MaxSessionDuration: role.maxSessionDuration} : {}),
	AttachedManagedPolicies: role.attachedPolicies.map(p => ({PolicyName: p.name, PolicyArn: p.arn})),
	RolePolicyList: role.inlinePolicies.map(p => ({PolicyName: p.name, PolicyDocument: parsedDocument(p.document)})),
	Tags: role.tags,
	...(role.permissionsBoundaryArn ? {PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundaryArn}} : {}),
	InstanceProfileList: role.instanceProfiles.map(p => ({InstanceProfileName: p.name, Arn: p.arn})),
	// As IAM answers: an empty object when the role has no recorded use.
	RoleLastUsed: role.lastUsed ? {LastUsedDate: role.lastUsed.date, ...(role.lastUsed.region ? {Region: role.lastUsed.region} : {})} : {},
	...(extras ? iamtuiFields(role, extras) : {}),
});

const iamtuiFields = (role: Role, extras: RoleExtras) => {
	const trust = parseTrustPolicy(role.trustPolicy);
	return {
		AdminEquivalent: extras.admin,
		Findings: roleHygiene(role, extras.now, undefined, trust).findings.map(f => f.text),
		// Never a silent drop: what could not be read in the trust policy, said in words.
		TrustPolicyProblems: trust.problems,
		...(extras.cycle ? {ChainCycle: extras.cycle} : {}),
	};
};

export const rolesCommand = async (gateway: IamGateway, json: boolean, now = new Date()): Promise<CommandResult> => {
	const index = buildIndex(await gateway.loadSnapshot());
	const {roles} = index.snapshot;
	const rows = roleRows(index, now);
	if (json) return {stdout: JSON.stringify(roles.map((role, n) => roleJson(role, {admin: rows[n]!.admin, now, ...(rows[n]!.cycle ? {cycle: rows[n]!.cycle} : {})})), null, 2)};
	if (roles.length === 0) return {stdout: 'No roles in this account.'};
	return {
		stdout: textTable(
			['ROLE', 'KIND', 'ADMIN', 'TRUSTED', 'LAST USED', 'FINDINGS', 'PATH'],
			rows.map(r => [r.name, r.kind || '-', r.admin ? 'admin' : '-', r.trusted.join(', ') || '(nobody)', r.lastUsed?.slice(0, 10) ?? 'never', roleFindingsCell(r) || '-', r.path]),
		),
	};
};

const trustLines = (role: Role): string[] => {
	const own = accountOfArn(role.arn);
	const trust = parseTrustPolicy(role.trustPolicy);
	return [
		...trust.problems.map(problem => `  malformed: ${problem}`),
		...trust.statements.flatMap(s => [
			`  ${s.effect || '(no effect)'} ${s.notActions ? `every action except ${s.notActions.join(', ')}` : s.actions.join(', ')}`,
			...s.principals.map(p => `    principal ${principalShort(p, own)}  ${p.raw}`),
			...(s.notPrincipal ?? []).map(p => `    NOT principal (anyone else may!) ${principalShort(p, own)}  ${p.raw}`),
			...s.conditions.map(c => `    condition ${conditionText(c)}`),
		]),
	];
};

/** Each user or role that may assume the role: decision, the path in, and the conditions it hangs on. */
const mayAssumeLines = (steps: AssumeStep[]): string[] =>
	steps.flatMap(step => [`  ${step.caller.kind} ${step.caller.name}  ${step.decision}  ${stepText(step)}`, ...step.conditions.map(c => `    ${assumeConditionText(c)}`)]);

export const roleCommand = async (gateway: IamGateway, name: string | undefined, json: boolean, now = new Date()): Promise<CommandResult> => {
	if (!name) throw new IamError('Invalid', 'role needs a role name', 'usage: iamtui role NAME [--json]');
	const index = buildIndex(await gateway.loadSnapshot());
	// A name, or the ARN a trust policy or a log line gives.
	const role = index.roleByName.get(name) ?? index.snapshot.roles.find(r => r.arn === name);
	if (!role) throw noneNamed('role', name, index.roleByName.keys());
	const model = buildAccessModel(index);
	const admin = isRoleAdminEquivalent(model, role);
	const cycle = roleCycle(index.snapshot.roles, role.name);
	// Who of this account may assume it, by AWS's rules (the trust, and the identity policies an account trust defers to).
	const mayAssume = await whoCanAssume(model, role);
	if (json) return {stdout: JSON.stringify({...roleJson(role, {admin, now, ...(cycle ? {cycle} : {})}), MayAssume: mayAssume.map(step => ({...assumeStepShape(step), Text: stepText(step)}))}, null, 2)};
	const row = roleRow(role, {now});
	const lines = [
		`${role.name}  ${role.arn}${admin ? '  ADMIN-EQUIVALENT' : ''}`,
		`created ${role.createDate}  path ${role.path}${row.kind ? `  ${row.kind} role` : ''}`,
		`last used: ${role.lastUsed ? `${role.lastUsed.date}${role.lastUsed.region ? ` in ${role.lastUsed.region}` : ''}` : 'no record'}`,
		...row.findings.map(f => `finding: ${f.text}`),
		...(cycle ? [`chain cycle: ${cycle.join(' → ')} (each may assume the next)`] : []),
		'trust policy:',
		...trustLines(role),
		`may assume it (users and roles of this account): ${mayAssume.length === 0 ? 'nobody' : mayAssume.length}`,
		...mayAssumeLines(mayAssume),
		`attached policies: ${role.attachedPolicies.map(p => p.name).join(', ') || '-'}`,
		`inline policies: ${role.inlinePolicies.map(p => p.name).join(', ') || '-'}`,
		`permissions boundary: ${role.permissionsBoundaryArn ?? '-'}`,
		`tags: ${role.tags.map(t => `${t.Key}=${t.Value}`).join(', ') || '-'}`,
		`instance profiles: ${role.instanceProfiles.map(p => p.name).join(', ') || '-'}`,
	];
	// Names and documents from the account are untrusted: each line is made inert.
	return {stdout: lines.map(sanitize).join('\n')};
};
