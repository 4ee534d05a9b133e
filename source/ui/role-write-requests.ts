// What a write asked for on the Role screen leads to: the policy picker (A), the template wizard for an
// inline policy (i), or a plan to confirm (D on a policy, x on a trust principal). A plan IAM would
// refuse (the 10-policy quota, the last trust statement, a service-linked role) is a line on the
// status line instead. Nothing is sent from here: every write goes through the confirmation.
import {describeError} from '../model/errors.js';
import type {SnapshotIndex} from '../model/indexes.js';
import {planRemoveTrustPrincipal} from '../model/plans/role-trust.js';
import {planDeleteRolePolicy, planDetachRolePolicy, requireModifiableRole} from '../model/plans/roles.js';
import type {Plan} from '../model/plans/types.js';
import type {DetailLine} from './components/DetailList.js';
import type {CommandId} from './keymap.js';
import type {Route} from './hooks/routes.js';

export type RoleWrite =
	| {kind: 'attach'}
	| {kind: 'put-inline'}
	| {kind: 'detach'; policyArn: string}
	| {kind: 'delete-inline'; policyName: string}
	| {kind: 'remove-trust'; principal: string};

/** The Role screen's write keys, reading the selected line (its section and value, role-lines.ts). */
export const roleWriteActions = (
	onWrite: (write: RoleWrite) => void,
	onHint: (text: string) => void,
): Partial<Record<CommandId, (line: DetailLine | undefined) => void>> => ({
	'attach-role-policy': () => onWrite({kind: 'attach'}),
	'put-role-inline': () => onWrite({kind: 'put-inline'}),
	'detach-role-policy': line => {
		if (line?.section === 'attached' && line.value) return onWrite({kind: 'detach', policyArn: line.value});
		if (line?.section === 'inline' && line.value) return onWrite({kind: 'delete-inline', policyName: line.value});
		onHint('Select a managed or inline policy of the role, then D');
	},
	'remove-trust-principal': line => {
		if (line?.section === 'trust' && line.value) return onWrite({kind: 'remove-trust', principal: line.value});
		onHint('Select a principal in the trust policy, then x');
	},
});

export interface RoleWriteContext {
	index: SnapshotIndex;
	push: (route: Route) => void;
	flash: (text: string, tone?: 'info' | 'error') => void;
}

/** The plan of a write that needs no form first. */
const planOf = (index: SnapshotIndex, role: string, write: Extract<RoleWrite, {kind: 'detach' | 'delete-inline' | 'remove-trust'}>): Plan => {
	switch (write.kind) {
		case 'detach':
			return planDetachRolePolicy(index, {role, policyArn: write.policyArn});
		case 'delete-inline':
			return planDeleteRolePolicy(index, role, write.policyName);
		case 'remove-trust':
			return planRemoveTrustPrincipal(index, role, write.principal);
	}
};

export const handleRoleWrite = (context: RoleWriteContext, role: string, write: RoleWrite): void => {
	const {index, push, flash} = context;
	try {
		if (write.kind === 'attach' || write.kind === 'put-inline') {
			// A service-linked role is refused before the picker or the wizard opens, not after the operator chose.
			requireModifiableRole(index, role);
			return push(write.kind === 'attach' ? {screen: 'pick-role-policy', role} : {screen: 'policy-wizard', target: {kind: 'inline', owner: {kind: 'role', name: role}}});
		}
		push({screen: 'run-plan', plan: planOf(index, role, write)});
	} catch (error) {
		flash(describeError(error), 'error');
	}
};
