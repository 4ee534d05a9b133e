// Whether resource control policies let an action on a resource of one account through (AWS: Organizations
// User Guide, "RCP evaluation"). An RCP may only Deny (Allow is RCPFullAWSAccess's alone, attached
// everywhere), so the question is whether any RCP on the account's path denies it; resources in the
// management account are exempt. RCPs apply to some services only: for those AWS listed when it launched
// them the answer is certain; for any other service a matching Deny makes it Conditional, never a certain
// deny or a certain allow — iamtui cannot know from the account whether that service honours RCPs.
import type {RawCondition} from '../access/evaluator.js';
import type {RequestContext} from '../access/request-context.js';
import {pathToAccount, type Organization} from './organization.js';
import {deciderOf, matches, orgFacts, settledBy, unknownVerdict, withEffect, type ScpDecider, type SettledBy, type SingleVerdict} from './scp-verdict.js';

/** Services RCPs apply to, as AWS launched them (S3, STS, KMS, SQS, Secrets Manager). */
export const RCP_SERVICES = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager']);

const serviceOf = (action: string) => action.split(':')[0]?.toLowerCase() ?? '';

/** The RCPs' word on `action` on `resource`, a resource in `accountId`, with the request context given (if any). Same shape as an SCP verdict. */
export const rcpVerdict = async (org: Organization, accountId: string, action: string, resource: string, request?: RequestContext): Promise<SingleVerdict> => {
	if (accountId === org.managementAccountId) return {kind: 'exempt', reason: 'RCPs do not apply to resources in the management account'};
	const path = pathToAccount(org, accountId);
	if (!path) return {kind: 'unknown', reason: `account ${accountId} is not in the organization`};
	const certain = RCP_SERVICES.has(serviceOf(action));
	const facts = orgFacts(org, accountId, request);
	const conditions: RawCondition[] = [];
	const deciders: ScpDecider[] = [];
	let uncertainService = false;
	// With a context: the deny conditions it settled (a deny it spared, or the one it made certain).
	const settled: SettledBy[] = [];
	for (const target of path) {
		for (const rcp of target.rcps ?? []) {
			const deny = await matches(withEffect(rcp, 'Deny'), accountId, action, resource, facts);
			if (deny.decision === 'error') return unknownVerdict(rcp, deny);
			const settledHere = settledBy(deny, request, deciderOf(target, rcp));
			if (deny.decision === 'no') {
				settled.push(...settledHere);
				continue;
			}
			if (deny.decision === 'yes' && certain) return {kind: 'denied', how: 'explicit-deny', decider: deciderOf(target, rcp), ...(settledHere.length > 0 ? {settled: settledHere} : {})};
			if (!certain) uncertainService = true;
			conditions.push(...deny.conditions.map(c => ({...c, effect: 'Deny' as const})));
			deciders.push(deciderOf(target, rcp));
		}
	}
	if (deciders.length === 0) return settled.length > 0 ? {kind: 'permitted', settled} : {kind: 'permitted'};
	const service = serviceOf(action);
	return {kind: 'conditional', conditions, deciders, ...(uncertainService ? {reason: `it denies ${action} if ${service} honours RCPs (AWS launched them for ${[...RCP_SERVICES].join(', ')})`} : {})};
};
