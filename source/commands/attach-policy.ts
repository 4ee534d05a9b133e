// Headless `iamtui attach-policy (--user U | --group G | --role R) POLICY` and `detach-policy …` (takes access
// away: --yes, or y at a terminal). POLICY is an ARN or a name: a customer managed policy of the
// account, or an AWS managed one (ReadOnlyAccess → arn:aws:iam::aws:policy/ReadOnlyAccess).
import {IamError, isIamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex, type SnapshotIndex} from '../model/indexes.js';
import {planAttachPolicy, planDetachPolicy} from '../model/plans/policies.js';
import {planAttachRolePolicy, planDetachRolePolicy, requireRole} from '../model/plans/roles.js';
import {notFound, requirePrincipal} from '../model/plans/refuse.js';
import type {PrincipalRef} from '../model/plans/steps.js';
import type {Plan} from '../model/plans/types.js';
import {actorOf, runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {principalFlag, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

/** Where the policy goes: a user or group (principalFlag), or a role (--role R). */
type AttachTarget = PrincipalRef | {kind: 'role'; name: string};

const holderOf = (index: SnapshotIndex, target: AttachTarget) => (target.kind === 'role' ? requireRole(index, target.name) : requirePrincipal(index, target));

/** A policy name or ARN → its ARN: attached to the target (detach), customer managed, then AWS managed. */
const resolvePolicyArn = async (gateway: IamGateway, index: SnapshotIndex, policy: string, target: AttachTarget, options: WriteCommandOptions): Promise<string> => {
	if (policy.startsWith('arn:')) return policy;
	const attached = holderOf(index, target).attachedPolicies.find(p => p.name === policy);
	if (attached) return attached.arn;
	const policies = [...index.policyByArn.values()];
	const known = policies.find(p => !p.awsManaged && p.name === policy) ?? policies.find(p => p.awsManaged && p.name === policy);
	if (known) return known.arn;
	// AWS lists only the AWS managed policies attached somewhere: ask IAM whether this one exists.
	const partition = (await actorOf(gateway, options.settings)).callerArn?.split(':')[1] || 'aws';
	const candidate = `arn:${partition}:iam::aws:policy/${policy}`;
	try {
		await gateway.policyVersions(candidate);
	} catch (error) {
		if (isIamError(error) && error.kind === 'NotFound') {
			const near = notFound('policy', policy, policies.filter(p => !p.awsManaged).map(p => p.name)).hint;
			throw new IamError(
				'NotFound',
				`no policy named ${policy}: neither a customer managed policy of this account nor an AWS managed policy (${candidate})`,
				`${near.startsWith('did you') ? `${near} ` : ''}for a policy with a path, give its ARN`,
				'NoSuchEntity',
			);
		}
		// Not allowed to look (no iam:ListPolicyVersions): IAM itself refuses the step if it does not exist.
	}
	return candidate;
};

export const policyAttachmentCommand = (
	gateway: IamGateway,
	change: 'attach' | 'detach',
	args: string[],
	options: WriteCommandOptions,
): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const command = `${change}-policy`;
		const [policy] = args;
		const usage = `usage: iamtui ${command} (--user U | --group G | --role R) POLICY${change === 'detach' ? ' --yes' : ''}  (POLICY: a name or an ARN)`;
		if (!policy || args.length > 1) throw usageError(`${command} needs one policy (a name or an ARN)`, usage);
		const {role} = options.flags;
		if (role !== undefined && (options.flags.user || options.flags.groups.length > 0)) throw usageError(`${command} takes one --user, --group or --role`, `run ${command} once per user, group or role`);
		const target: AttachTarget = role !== undefined ? {kind: 'role', name: role} : principalFlag(options.flags, command, true)!;
		const index = buildIndex(await gateway.loadSnapshot());
		const policyArn = await resolvePolicyArn(gateway, index, policy, target, options);
		const plan: Plan =
			target.kind === 'role'
				? (change === 'attach' ? planAttachRolePolicy : planDetachRolePolicy)(index, {role: target.name, policyArn})
				: (change === 'attach' ? planAttachPolicy : planDetachPolicy)(index, {policyArn, target});
		return runPlanCommand(gateway, plan, command, {...options, before: index});
	});
