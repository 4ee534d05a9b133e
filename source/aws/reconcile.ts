// Creates that are not idempotent (CreateUser, CreateAccessKey, CreateLoginProfile, CreatePolicy,
// UploadSigningCertificate, CreateGroup) are never blindly resent. After an ambiguous failure — a 5xx,
// a dropped connection, a timeout — IAM may or may not have acted: resending could make a second access
// key (whose secret nobody sees) or fail with "already exists" on a create that in fact succeeded. So:
// re-read IAM, and either accept what the first request did or clean up and send once more.
import {IamError} from '../model/errors.js';
import {toIamError, type ErrorContext} from './errors.js';
import {isNoSuchEntity} from './reads.js';
import {isAmbiguousFailure} from './retry.js';

/** What a re-read found: the create took effect (with its result), or it did not (send again). */
export type Reconciled<T> = {applied: true; result: T} | {applied: false};

export const applied = <T>(result: T): Reconciled<T> => ({applied: true, result});
export const notApplied: Reconciled<never> = {applied: false};

export interface CreateOnce<T> {
	/** Where the request went and the IAM action (iam:CreateUser), for the error messages. */
	context: ErrorContext & {action: string};
	/** Sends the create on the client that retries only certainly rejected requests. */
	send(): Promise<T>;
	/**
	 * After an ambiguous failure: re-reads IAM. The callers have checked that the entity did not exist
	 * before, so finding it means our request created it. May clean up (an orphan access key) first.
	 */
	reconcile(): Promise<Reconciled<T>>;
	/**
	 * On the second send only: an error that means the first send did land after all (EntityAlreadyExists
	 * because the earlier re-read lagged behind IAM's eventual consistency). Returns the result, or
	 * undefined when the error is not that.
	 */
	landedEarlier?(error: unknown): Promise<Reconciled<T>>;
}

/** At most two sends: the first, and one more after a re-read showed the first did nothing. */
const MAX_SENDS = 2;

const withHint = (error: IamError, hint: string): IamError =>
	new IamError(error.kind, error.message, [error.hint, hint].filter(Boolean).join('; '), error.code);

/** Re-reads after an ambiguous failure; if the re-read fails too, says that the outcome is unknown. */
const reconcileOrExplain = async <T>(create: CreateOnce<T>, failure: unknown): Promise<Reconciled<T>> => {
	try {
		return await create.reconcile();
	} catch (readError) {
		const cause = toIamError(failure, create.context);
		const read = toIamError(readError, create.context);
		throw new IamError(
			cause.kind,
			`${cause.message} — whether ${create.context.action} took effect is unknown (re-reading failed: ${read.message})`,
			'look at the account again (iamtui users / groups, or r in the TUI) before trying again',
			cause.code,
		);
	}
};

/** Sends a create at most twice, re-reading IAM after each ambiguous failure. */
export const createOnce = async <T>(create: CreateOnce<T>): Promise<T> => {
	let lastFailure: unknown;
	for (let sends = 0; sends < MAX_SENDS; sends++) {
		try {
			return await create.send();
		} catch (error) {
			if (sends > 0 && create.landedEarlier) {
				const landed = await create.landedEarlier(error);
				if (landed.applied) return landed.result;
			}
			if (!isAmbiguousFailure(error)) throw error;
			lastFailure = error;
			const found = await reconcileOrExplain(create, error);
			if (found.applied) return found.result;
		}
	}
	// Both sends failed ambiguously, and each re-read showed nothing was created (or cleaned it up).
	const {action} = create.context;
	throw withHint(toIamError(lastFailure, create.context), `iamtui re-read IAM: ${action} did not take effect, so it is safe to try again`);
};

const attemptsOf = (error: unknown): number => (error as {$metadata?: {attempts?: number}} | null)?.$metadata?.attempts ?? 1;

/**
 * For deletes, detaches and removals, which keep the SDK's normal retry: their effect is idempotent but
 * their answer is not. When the SDK resent one after an ambiguous failure, the first attempt may have
 * done the work, and the resend then meets NoSuchEntity. What was asked for (it is gone) holds: success.
 */
export const removeIdempotently = async (send: () => Promise<unknown>): Promise<void> => {
	try {
		await send();
	} catch (error) {
		if (attemptsOf(error) > 1 && isNoSuchEntity(error)) return;
		throw error;
	}
};
