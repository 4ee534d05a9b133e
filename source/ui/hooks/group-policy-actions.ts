// The group and policy writes the screens ask for: each opens a picker or wizard, or builds its plan
// and opens the confirmation. A plan IAM would refuse becomes a message on the status line instead.
import {useMemo} from 'react';
import {describeError} from '../../model/errors.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {planDeleteGroup} from '../../model/plans/groups.js';
import {planDeleteInlinePolicy} from '../../model/plans/inline-policies.js';
import {planDeletePolicy, planDetachPolicy} from '../../model/plans/policies.js';
import type {PrincipalRef} from '../../model/plans/steps.js';
import type {Plan} from '../../model/plans/types.js';
import {useConnection} from './connection.js';
import {useMessages} from './messages.js';
import {useNavigation} from './navigation.js';

/** The account id from the snapshot's own ARNs, when the caller identity is not known. */
export const accountIdOf = (index: SnapshotIndex): string => {
	const arns = [...index.snapshot.users, ...index.snapshot.groups, ...index.snapshot.policies.filter(p => !p.awsManaged)].map(e => e.arn);
	return arns.map(arn => arn.split(':')[4] ?? '').find(account => /^\d{12}$/.test(account)) ?? '000000000000';
};

export interface GroupPolicyActions {
	newGroup(): void;
	deleteGroup(name: string): void;
	attachToGroup(group: string): void;
	detachFromGroup(group: string, policyArn: string): void;
	putInlinePolicy(owner: PrincipalRef): void;
	deleteInlinePolicy(owner: PrincipalRef, policyName: string): void;
	/** The template wizard for a customer managed policy. */
	newPolicy(): void;
	/** Reads the policy's versions (IAM refuses the deletion while old ones exist), then plans. */
	deletePolicy(policyArn: string): void;
	attachPolicy(policyArn: string): void;
}

export const useGroupPolicyActions = (index: SnapshotIndex | undefined): GroupPolicyActions => {
	const navigation = useNavigation();
	const {flash} = useMessages();
	const {gateway} = useConnection();
	const {push} = navigation;
	return useMemo<GroupPolicyActions>(() => {
		const confirm = (build: (index: SnapshotIndex) => Plan) => {
			if (!index) return;
			try {
				push({screen: 'run-plan', plan: build(index)});
			} catch (error) {
				flash(describeError(error), 'error');
			}
		};
		return {
			newGroup: () => push({screen: 'new-group'}),
			deleteGroup: name => confirm(i => planDeleteGroup(i, name)),
			attachToGroup: group => push({screen: 'pick-group-policy', group}),
			detachFromGroup: (group, policyArn) => confirm(i => planDetachPolicy(i, {policyArn, target: {kind: 'group', name: group}})),
			putInlinePolicy: owner => push({screen: 'policy-wizard', target: {kind: 'inline', owner}}),
			deleteInlinePolicy: (owner, policyName) => confirm(i => planDeleteInlinePolicy(i, owner, policyName)),
			newPolicy: () => push({screen: 'policy-wizard', target: {kind: 'managed'}}),
			attachPolicy: policyArn => push({screen: 'pick-policy-holder', policyArn}),
			deletePolicy: policyArn => {
				const policy = index?.policyByArn.get(policyArn);
				// Refused before any request: AWS owns its policies.
				if (policy?.awsManaged) return flash(`${policy.name} is an AWS managed policy: AWS owns it, it cannot be deleted — detach it from its users and groups instead`, 'error');
				flash(`Reading the versions of ${policy?.name ?? policyArn}…`);
				gateway.policyVersions(policyArn).then(
					versions => confirm(i => planDeletePolicy(i, policyArn, versions)),
					(error: unknown) => flash(`Cannot plan the deletion: ${describeError(error)}`, 'error'),
				);
			},
		};
	}, [index, push, flash, gateway]);
};
