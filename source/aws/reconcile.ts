// Creates that are not idempotent (CreateUser, CreateAccessKey, CreateLoginProfile, CreatePolicy,
// UploadSigningCertificate, CreateGroup) are never blindly resent. After an ambiguous failure — a 5xx,
// a dropped connection, a timeout — IAM may or may not have acted: resending could make a second access
// key (whose secret nobody sees) or fail with "already exists" on a create that in fact succeeded. So:
// re-read IAM, and accept or clean up only what the evidence proves our request made — an entity whose
// creation time falls inside the request's window; anything else is named to the operator, never touched.
import {IamError} from '../model/errors.js';
import type {SideWrite, WriteObserver} from '../model/gateway.js';
import {toIamError, type ErrorContext} from './errors.js';
import {isNoSuchEntity} from './reads.js';
import {isAmbiguousFailure} from './retry.js';

/**
 * What a re-read found: the create took effect (with its result), it did not (send again), or the
 * evidence cannot tell whose an entity is (stop, and tell the operator what to check).
 */
export type Reconciled<T> = {applied: true; result: T} | {applied: false; unproven?: IamError};

export const applied = <T>(result: T): Reconciled<T> => ({applied: true, result});
export const notApplied: Reconciled<never> = {applied: false};
export const unproven = (message: string, hint: string): Reconciled<never> => ({applied: false, unproven: new IamError('Conflict', message, hint, 'UnprovenCreate')});

/**
 * When our request could have acted, in server time (ms): from just before the send to just after the
 * failure (or, for a second send, from the first send on). IAM's creation dates have whole seconds and
 * the two clocks may differ a little, hence the margin on both sides.
 */
export interface RequestWindow {
	from: number;
	to: number;
}
export const CLOCK_MARGIN_MS = 5_000;

export const inWindow = (date: string | undefined, window: RequestWindow): boolean => {
	const time = date ? Date.parse(date) : Number.NaN;
	return Number.isFinite(time) && time >= window.from - CLOCK_MARGIN_MS && time <= window.to + CLOCK_MARGIN_MS;
};

/** The entity was found: ours only when it was created inside the window; otherwise it was there already. */
export const ownIfCreatedInWindow = <T>(what: string, createDate: string | undefined, window: RequestWindow, result: T): Reconciled<T> =>
	inWindow(createDate, window)
		? applied(result)
		: unproven(
				`${what} exists, created ${createDate || 'at an unknown time'}, outside the moment iamtui's request was sent: iamtui did not create it and will not use it`,
				`someone else made ${what}; look at it (iamtui, or the aws cli) and decide before running this again`,
			);

export interface CreateOnce<T> {
	/** Where the request went and the IAM action (iam:CreateUser), for the error messages. */
	context: ErrorContext & {action: string};
	/** The server's clock as this client knows it (ms); default Date.now. */
	now?: () => number;
	/** Sends the create on the client that retries only certainly rejected requests. */
	send(): Promise<T>;
	/**
	 * After an ambiguous failure: re-reads IAM. Claims an entity only when its creation time falls in
	 * `window`; may clean up what it proves its own (an orphan access key), reporting each such write.
	 */
	reconcile(window: RequestWindow): Promise<Reconciled<T>>;
	/**
	 * On the second send only: an error that means the first send did land after all (EntityAlreadyExists
	 * because the earlier re-read lagged behind IAM's eventual consistency). Returns the result, or
	 * notApplied when the error is not that.
	 */
	landedEarlier?(error: unknown, window: RequestWindow): Promise<Reconciled<T>>;
}

/** Sends a write reconcile decided on, reporting its intent first and then its outcome, so it is journaled. */
export const observed = async (observe: WriteObserver | undefined, write: Omit<SideWrite, 'outcome' | 'errorCode'>, send: () => Promise<unknown>): Promise<void> => {
	observe?.({...write, outcome: 'intent', errorCode: null});
	try {
		await send();
		observe?.({...write, outcome: 'ok', errorCode: null});
	} catch (error) {
		const e = error as {name?: string; Code?: string} | null;
		observe?.({...write, outcome: 'failed', errorCode: (e?.Code ?? e?.name ?? 'Unknown').slice(0, 64)});
		throw error;
	}
};

/** At most two sends: the first, and one more after a re-read showed the first did nothing. */
const MAX_SENDS = 2;

const withHint = (error: IamError, hint: string): IamError =>
	new IamError(error.kind, error.message, [error.hint, hint].filter(Boolean).join('; '), error.code);

/** Re-reads after an ambiguous failure; if the re-read fails too, says that the outcome is unknown. */
const reconcileOrExplain = async <T>(create: CreateOnce<T>, failure: unknown, window: RequestWindow): Promise<Reconciled<T>> => {
	try {
		return await create.reconcile(window);
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

/** Settles a reconcile's verdict: the result, nothing (send again), or the operator's to decide. */
const verdict = <T>(found: Reconciled<T>): found is {applied: true; result: T} => {
	if (!found.applied && found.unproven) throw found.unproven;
	return found.applied;
};

/** Sends a create at most twice, re-reading IAM after each ambiguous failure. */
export const createOnce = async <T>(create: CreateOnce<T>): Promise<T> => {
	const now = create.now ?? Date.now;
	let lastFailure: unknown;
	let firstSent: number | undefined;
	for (let sends = 0; sends < MAX_SENDS; sends++) {
		const sentAt = now();
		firstSent ??= sentAt;
		try {
			return await create.send();
		} catch (error) {
			if (sends > 0 && create.landedEarlier) {
				const landed = await create.landedEarlier(error, {from: firstSent, to: now()});
				if (verdict(landed)) return landed.result;
			}
			if (!isAmbiguousFailure(error)) throw error;
			lastFailure = error;
			const found = await reconcileOrExplain(create, error, {from: sentAt, to: now()});
			if (verdict(found)) return found.result;
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
