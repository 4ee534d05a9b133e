// Headless role writes: `put-role-policy ROLE --template T [--param k=v]… [--name N]` (an inline policy from
// a template id or JSON file, checked against a role's 10,240-character inline quota), `delete-role-policy
// ROLE NAME` and `remove-trust-principal ROLE PRINCIPAL` (both take access away: --yes, or y at a terminal).
// Attaching managed policies is attach-policy/detach-policy --role. All run through runPlanCommand.
import path from 'node:path';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planRemoveTrustPrincipal} from '../model/plans/role-trust.js';
import {planDeleteRolePolicy, planPutRolePolicy} from '../model/plans/roles.js';
import {runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {renderPolicyTemplate, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

const PUT_USAGE = 'usage: iamtui put-role-policy ROLE --template T [--param k=v]… [--name N]';

/** cloud-management-full (or ./ec2-developers.json) → CloudManagementFull: a name in IAM's habits. */
export const policyNameFor = (templateRef: string): string =>
	path
		.basename(templateRef, '.json')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map(word => word.charAt(0).toUpperCase() + word.slice(1))
		.join('') || 'InlinePolicy';

export const putRolePolicyCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [role] = args;
		if (!role || args.length > 1) throw usageError('put-role-policy needs one role', PUT_USAGE);
		const {template, params, name} = options.flags;
		if (!template) throw usageError('put-role-policy needs the policy: --template T (a template id or a JSON file)', PUT_USAGE);
		const rendered = await renderPolicyTemplate(template, params, 'role-inline');
		const before = buildIndex(await gateway.loadSnapshot());
		const plan = planPutRolePolicy(before, {role, policyName: name ?? policyNameFor(template), document: rendered.document});
		plan.notes = [`From the template "${rendered.title}".`, ...rendered.notes, ...(plan.notes ?? [])];
		return runPlanCommand(gateway, plan, 'put-role-policy', {...options, before});
	});

export const deleteRolePolicyCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [role, policyName] = args;
		if (!role || !policyName || args.length > 2) throw usageError('delete-role-policy needs a role and an inline policy name', 'usage: iamtui delete-role-policy ROLE NAME --yes');
		const before = buildIndex(await gateway.loadSnapshot());
		return runPlanCommand(gateway, planDeleteRolePolicy(before, role, policyName), 'delete-role-policy', {...options, before});
	});

export const removeTrustPrincipalCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [role, principal] = args;
		if (!role || !principal || args.length > 2)
			throw usageError('remove-trust-principal needs a role and a principal', 'usage: iamtui remove-trust-principal ROLE PRINCIPAL --yes  (PRINCIPAL: an ARN, an account id or a service name)');
		const before = buildIndex(await gateway.loadSnapshot());
		return runPlanCommand(gateway, planRemoveTrustPrincipal(before, role, principal), 'remove-trust-principal', {...options, before});
	});
