// Headless `accounts`: every account of the organization with its OU path, status, the SCPs (and, in JSON, RCPs) on its path
// and whether its IAM loaded (or which step failed and why). JSON keys follow the Organizations API
// (Id, Name, Status, TargetType…); an account that failed makes the exit code a failure, after the full answer.
import {EXIT_FAILURE} from '../cli/exit-codes.js';
import {loadCell, scpCell} from '../model/org/account-cells.js';
import {loadCounts, ouPathText, rcpsOnPath, scpsOnPath, type AccountLoad, type AccountOutcome, type OpenedOrganization} from '../model/org/org-load.js';
import type {OrgTarget} from '../model/org/organization.js';
import type {CommandResult} from './result.js';
import {textTable} from './text-table.js';

const TARGET_TYPES = {root: 'ROOT', ou: 'ORGANIZATIONAL_UNIT', account: 'ACCOUNT'} as const;

const targetJson = (target: OrgTarget) => ({Id: target.id, Name: target.name, Type: TARGET_TYPES[target.kind]});

const loadJson = (load: AccountLoad) => {
	switch (load.kind) {
		case 'loaded':
			return {
				State: 'LOADED',
				Via: load.roleArn ? 'AUDIT_ROLE' : 'CALLER',
				...(load.roleArn ? {RoleArn: load.roleArn} : {}),
				Users: load.snapshot.users.length,
				Groups: load.snapshot.groups.length,
				Roles: load.snapshot.roles.length,
				LoadedAt: load.snapshot.loadedAt,
			};
		case 'failed':
			return {State: 'FAILED', Step: load.step === 'assume-role' ? 'ASSUME_ROLE' : 'READ_IAM', ...(load.roleArn ? {RoleArn: load.roleArn} : {}), Reason: load.message, Hint: load.hint};
		case 'skipped':
			return {State: 'SKIPPED', Reason: load.reason};
	}
};

const accountJson = (opened: OpenedOrganization, outcome: AccountOutcome) => {
	const management = outcome.account.id === opened.organization.managementAccountId;
	return {
		Id: outcome.account.id,
		Name: outcome.account.name,
		...(outcome.account.status ? {Status: outcome.account.status} : {}),
		ManagementAccount: management,
		OrganizationalUnitPath: outcome.path.filter(t => t.kind !== 'account').map(targetJson),
		ServiceControlPolicies: scpsOnPath(outcome.path).map(({scp, target}) => ({Id: scp.id, Name: scp.name, Target: targetJson(target)})),
		// As in AWS: SCPs never restrict the management account, nor RCPs its resources.
		ScpExempt: management,
		ResourceControlPolicies: rcpsOnPath(outcome.path).map(({scp, target}) => ({Id: scp.id, Name: scp.name, Target: targetJson(target)})),
		RcpExempt: management,
		Load: loadJson(outcome.load),
	};
};

const failureLines = (accounts: AccountOutcome[]): string[] =>
	accounts.flatMap(({account, load}) => {
		// The message names the account already.
		if (load.kind === 'failed') return [`${load.message}${load.hint ? ` — ${load.hint}` : ''}`];
		if (load.kind === 'skipped') return [`${account.name} (${account.id}): not read, ${load.reason}`];
		return [];
	});

export const accountsCommand = (opened: OpenedOrganization, json: boolean): CommandResult => {
	const counts = loadCounts(opened.accounts);
	const failed = opened.accounts.filter(a => a.load.kind === 'failed');
	const stderr = failed.length > 0 ? `iamtui: ${failed.length} of ${opened.accounts.length} accounts could not be read: ${failed.map(a => `${a.account.name} (${a.account.id})`).join(', ')}\n` : undefined;
	const exit = failed.length > 0 ? {exitCode: EXIT_FAILURE} : {};
	if (json) {
		const body = {
			ManagementAccountId: opened.organization.managementAccountId,
			CallerAccountId: opened.callerAccountId,
			AuditRole: opened.auditRole,
			Accounts: opened.accounts.map(a => accountJson(opened, a)),
		};
		return {stdout: JSON.stringify(body, null, 2), ...(stderr ? {stderr} : {}), ...exit};
	}
	const table = textTable(
		['ACCOUNT', 'ID', 'OU PATH', 'STATUS', 'IAM', 'SCPS ON PATH'],
		opened.accounts.map(a => [a.account.name, a.account.id, ouPathText(a.path), a.account.status ?? '?', loadCell(a.load), scpCell(opened.organization.managementAccountId, a)]),
	);
	const summary = `${counts.loaded} of ${opened.accounts.length} accounts loaded through ${opened.auditRole}${counts.failed ? `, ${counts.failed} failed` : ''}${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
	return {stdout: [table, '', summary, ...failureLines(opened.accounts)].join('\n'), ...(stderr ? {stderr} : {}), ...exit};
};
