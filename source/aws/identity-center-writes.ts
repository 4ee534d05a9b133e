// Identity Center's writes for offboarding a person everywhere: DeleteGroupMembership (identity store) and
// DeleteAccountAssignment (SSO Admin), which AWS answers asynchronously — its deletion status is polled
// until SUCCEEDED or FAILED, for a bounded time. A removal that finds nothing to remove is "already
// removed", not an error: an interrupted run may have sent it. Read-only mode refuses both before anything
// is sent, with the IAM gateway's guard and words. The journal lines are the runner's (model/org).
import {DeleteGroupMembershipCommand, type IdentitystoreClient} from '@aws-sdk/client-identitystore';
import {DeleteAccountAssignmentCommand, DescribeAccountAssignmentDeletionStatusCommand, type SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {IamError} from '../model/errors.js';
import type {IcRemoval, IcWrites} from '../model/org/offboard-everywhere-run.js';
import {toIamError} from './errors.js';
import {isMutatingMethod, readOnlyError} from './read-only.js';
import {wrapGateway} from './wrap-gateway.js';

export interface IcWriteOptions {
	readOnly?: boolean;
	/** How long an assignment's deletion may stay IN_PROGRESS before the step is failed (default 60 s). */
	deletionTimeoutMs?: number;
	/** The first wait between two status reads (doubling, at most 5 s; default 1 s). */
	pollMs?: number;
	sleep?: (ms: number) => Promise<void>;
	/** The clock the time allowed is read on (default Date.now); tests pass one their sleep advances. */
	now?: () => number;
}

const NOT_FOUND = 'ResourceNotFoundException';
const MAX_POLL_MS = 5_000;

const codeOf = (error: unknown): string | undefined => (error as {name?: string} | null)?.name;

const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Sends one removal; an error leaves as an IamError naming the action, "not found" as already removed. */
const removal = async (action: string, send: () => Promise<IcRemoval>): Promise<IcRemoval> => {
	try {
		return await send();
	} catch (error) {
		if (codeOf(error) === NOT_FOUND) return 'already-removed';
		throw toIamError(error, {action});
	}
};

class SdkIdentityCenterWrites implements IcWrites {
	readonly readOnly = false;

	constructor(
		private readonly clients: {ssoAdmin: SSOAdminClient; identityStore: IdentitystoreClient},
		private readonly options: IcWriteOptions,
	) {}

	deleteGroupMembership(input: {identityStoreId: string; membershipId: string}): Promise<IcRemoval> {
		return removal('identitystore:DeleteGroupMembership', async () => {
			await this.clients.identityStore.send(new DeleteGroupMembershipCommand({IdentityStoreId: input.identityStoreId, MembershipId: input.membershipId}));
			return 'removed';
		});
	}

	deleteAccountAssignment(input: {instanceArn: string; accountId: string; permissionSetArn: string; principalType: 'USER'; principalId: string}): Promise<IcRemoval> {
		return removal('sso:DeleteAccountAssignment', async () => {
			const {AccountAssignmentDeletionStatus: started} = await this.clients.ssoAdmin.send(
				new DeleteAccountAssignmentCommand({
					InstanceArn: input.instanceArn,
					TargetId: input.accountId,
					TargetType: 'AWS_ACCOUNT',
					PermissionSetArn: input.permissionSetArn,
					PrincipalType: input.principalType,
					PrincipalId: input.principalId,
				}),
			);
			return this.settled(input, started);
		});
	}

	/** Polls the deletion until AWS says SUCCEEDED or FAILED, or the time allowed is over. */
	private async settled(input: {instanceArn: string; accountId: string}, started: {Status?: string; RequestId?: string; FailureReason?: string} | undefined): Promise<IcRemoval> {
		const sleep = this.options.sleep ?? pause;
		const now = this.options.now ?? Date.now;
		const allowed = this.options.deletionTimeoutMs ?? 60_000;
		const deadline = now() + allowed;
		let wait = this.options.pollMs ?? 1_000;
		let status = started;
		while (status?.Status === 'IN_PROGRESS') {
			if (!status.RequestId) break;
			if (now() + wait > deadline)
				throw new IamError(
					'Unknown',
					`the deletion of the assignment in ${input.accountId} was still in progress after ${allowed >= 1000 ? `${Math.round(allowed / 1000)} s` : `${allowed} ms`} (request ${status.RequestId})`,
					'it may still complete: run the same command again, which checks what Identity Center holds then',
					'DeletionInProgress',
				);
			await sleep(wait);
			wait = Math.min(wait * 2, MAX_POLL_MS);
			const {AccountAssignmentDeletionStatus: next} = await this.clients.ssoAdmin.send(
				new DescribeAccountAssignmentDeletionStatusCommand({InstanceArn: input.instanceArn, AccountAssignmentDeletionRequestId: status.RequestId}),
			);
			status = next;
		}
		if (status?.Status === 'SUCCEEDED') return 'removed';
		throw new IamError(
			'Unknown',
			`Identity Center could not delete the assignment in ${input.accountId}: ${status?.FailureReason ?? `status ${status?.Status ?? 'unknown'}`}`,
			'run the same command again; if it fails again, look at the assignment in the IAM Identity Center console',
			'DeletionFailed',
		);
	}
}

/** Identity Center's removals for one connection; read-only refuses each before it is sent. */
export const createIdentityCenterWrites = (clients: {ssoAdmin: SSOAdminClient; identityStore: IdentitystoreClient}, options: IcWriteOptions = {}): IcWrites => {
	const writes = new SdkIdentityCenterWrites(clients, options);
	if (!options.readOnly) return writes;
	return wrapGateway<IcWrites>(writes, true, (name, own) => (typeof own === 'function' && isMutatingMethod(name) ? async () => Promise.reject(readOnlyError(name)) : own));
};
