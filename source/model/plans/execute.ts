// Runs a plan's steps in order through the gateway, journals each attempt, stops at the first failure
// and reports what was done and what was not. No I/O of its own: the gateway and the journal are given.
// Secrets issued on the way (new access keys, passwords set) come back in the report as Secret values,
// for the SecretOnce screen; they never reach the journal. A journal that cannot be written never hides
// a write that landed: the step's result and its secret are still reported, the journal failure beside
// them as a warning; and no write is sent whose intent could not be journaled.
import {describeError, isIamError} from '../errors.js';
import type {IamGateway, IamWrites, WriteName, WriteObserver} from '../gateway.js';
import {isSecret, Secret} from '../secret.js';
import type {AppliedChange, Plan, PlanStep, SnapshotPatch, StepOperation} from './types.js';

/** The entity fields a journal record may name: identifiers only, never a document or a secret. */
export const JOURNAL_TARGET_FIELDS = [
	'user',
	'group',
	'role',
	'policyArn',
	'policyName',
	'accessKeyId',
	'certificateId',
	'serialNumber',
	'sshPublicKeyId',
	'serviceSpecificCredentialId',
	'versionId',
	// Identity Center (offboarding a person everywhere): ids only.
	'membershipId',
	'groupId',
	'principalId',
	'accountId',
	'permissionSetArn',
] as const;
export type JournalTarget = Partial<Record<(typeof JOURNAL_TARGET_FIELDS)[number], string>>;

/**
 * One journal record: who did what to which entity, and how it ended. Never a payload or a secret.
 * A plan's step is journaled twice: its intent before the request is sent, its outcome after, both with
 * the plan's id and the step's index, so an interrupted run (an intent with no outcome) can be found and
 * resolved. Lines written before plans had ids carry neither field.
 */
export interface JournalEntry {
	time: string;
	profile: string | null;
	account: string | null;
	callerArn: string | null;
	/** The IAM action, e.g. iam:AddUserToGroup; iamtui:Resolved marks an unfinished plan as taken care of. */
	operation: string;
	target: JournalTarget;
	outcome: 'intent' | 'ok' | 'failed' | 'refused';
	errorCode: string | null;
	planId?: string;
	/** The step's index in its plan (from 0). */
	step?: number;
	/** Sent by the gateway inside the step (reconcile's clean-up), not the step itself. */
	by?: 'reconcile';
	/** On an iamtui:Resolved line: the unfinished plan it closes. */
	resolves?: string;
}

export interface JournalSink {
	append(entry: JournalEntry): void;
	/** Every line as written, intents included, oldest first (absent on sinks that only write). */
	lines?(): JournalEntry[];
}

/** Who is acting, for the journal. */
export interface Actor {
	profile: string | null;
	account: string | null;
	callerArn: string | null;
}

/** A credential a plan issued: shown once on SecretOnce, then wiped. */
export type IssuedSecret =
	| {kind: 'access-key'; user: string; accessKeyId: string; secretAccessKey: Secret; createDate: string}
	| {kind: 'password'; user: string; password: Secret; passwordResetRequired: boolean};

export type StepStatus = 'done' | 'failed' | 'skipped' | 'not-run';

export interface StepOutcome {
	step: PlanStep;
	status: StepStatus;
	/** failed: what went wrong, in one line. skipped: why. */
	message?: string;
	errorKind?: string;
}

export interface ExecutionReport {
	ok: boolean;
	/** The id its journal lines carry (set by executePlan). */
	planId?: string;
	outcomes: StepOutcome[];
	/** The changes that were made, for patching the snapshot. */
	patch: SnapshotPatch;
	/** Credentials issued by the steps that ran, in step order. */
	secrets: IssuedSecret[];
	/** Journal lines that could not be written, each saying whether the change was made (absent: none). */
	journalWarnings?: string[];
}

/** The warning for a journal line that could not be written, and what it means for the account. */
export const journalWarning = (error: unknown, consequence: string): string => `the journal could not be written: ${describeError(error)}; ${consequence}`;

/** iam:AddUserToGroup for addUserToGroup: the IAM action a gateway write performs (MFA and SSH in capitals, as IAM spells them). */
export const iamAction = (op: StepOperation | WriteName): string => {
	const name = typeof op === 'string' ? op : op.operation;
	return `iam:${name.charAt(0).toUpperCase()}${name.slice(1).replace('Mfa', 'MFA').replace('Ssh', 'SSH')}`;
};

export const journalTarget = (op: StepOperation): JournalTarget => {
	const target: JournalTarget = {};
	const fields = op as unknown as Record<string, unknown>;
	for (const field of JOURNAL_TARGET_FIELDS) {
		const value = fields[field];
		if (typeof value === 'string') target[field] = value;
	}
	return target;
};

/** The gateway input: Secrets revealed at the last moment, the step's own `operation` tag removed. */
const inputOf = (op: StepOperation): Record<string, unknown> => {
	const {operation: _operation, ...rest} = op as unknown as Record<string, unknown>;
	return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, isSecret(value) ? value.reveal() : value]));
};

const send = async (gateway: IamGateway, op: StepOperation, observe: WriteObserver): Promise<unknown> => {
	const method = gateway[op.operation] as (input: unknown, observe: WriteObserver) => Promise<unknown>;
	return method.call(gateway, inputOf(op), observe);
};

/** The ids a create returned, for its outcome line: what a take-back needs to find it again. */
const resultTarget = (op: StepOperation, result: unknown): JournalTarget => {
	const out = (result ?? {}) as Partial<Record<string, unknown>>;
	const target: JournalTarget = {};
	if (op.operation === 'createAccessKey' && typeof out.accessKeyId === 'string') target.accessKeyId = out.accessKeyId;
	if (typeof out.arn === 'string') target.policyArn = out.arn;
	if (typeof out.certificateId === 'string' && out.certificateId) target.certificateId = out.certificateId;
	return target;
};

const sideTarget = (target: Record<string, string>): JournalTarget =>
	Object.fromEntries(JOURNAL_TARGET_FIELDS.filter(field => typeof target[field] === 'string').map(field => [field, target[field]]));

/** A short random id for a plan's journal lines (not a secret; only unique enough to pair them). */
export const newPlanId = (): string => globalThis.crypto.randomUUID().slice(0, 8);

/** What a finished step adds to the report: the patch entry, and any credential it issued. */
const settle = (op: StepOperation, result: unknown, secrets: IssuedSecret[]): AppliedChange => {
	const out = (result ?? {}) as Partial<Record<string, string>>;
	if (op.operation === 'createAccessKey') {
		const key = result as Awaited<ReturnType<IamWrites['createAccessKey']>>;
		secrets.push({kind: 'access-key', user: op.user, accessKeyId: key.accessKeyId, secretAccessKey: new Secret(key.secretAccessKey), createDate: key.createDate});
		return {...op, result: {accessKeyId: key.accessKeyId}};
	}
	if (op.operation === 'createLoginProfile' || op.operation === 'updateLoginProfile')
		secrets.push({kind: 'password', user: op.user, password: op.password, passwordResetRequired: op.passwordResetRequired});
	const applied: AppliedChange = {...op};
	if (out.arn || out.certificateId) applied.result = {...(out.arn ? {arn: out.arn} : {}), ...(out.certificateId ? {certificateId: out.certificateId} : {})};
	return applied;
};

export interface ExecuteOptions {
	gateway: IamGateway;
	journal: JournalSink;
	actor: Actor;
	now?: () => Date;
	/** Called after each step, so a screen can show progress (and a resumable plan can record it). */
	onStep?: (outcome: StepOutcome, position: number) => void;
	/** The id the plan's journal lines carry; a new one by default. */
	planId?: string;
	/**
	 * Resumable plans (offboarding): a removal whose target is already gone (NoSuchEntity) counts as
	 * done, because an earlier, interrupted run may have sent it before it could record it.
	 */
	goneIsDone?: boolean;
}

const REMOVAL = /^(delete|remove|detach|deactivate)/;

const alreadyGone = (op: StepOperation, error: unknown): boolean =>
	isIamError(error) && error.kind === 'NotFound' && (REMOVAL.test(op.operation) || (op.operation === 'updateAccessKey' && op.status === 'Inactive'));

export const executePlan = async (plan: Plan, options: ExecuteOptions): Promise<ExecutionReport> => {
	const now = options.now ?? (() => new Date());
	const planId = options.planId ?? newPlanId();
	const outcomes: StepOutcome[] = plan.steps.map(step => ({step, status: 'not-run'}));
	const patch: SnapshotPatch = {changes: []};
	const secrets: IssuedSecret[] = [];
	const journalWarnings: string[] = [];
	let ok = true;
	for (const [position, outcome] of outcomes.entries()) {
		const {step} = outcome;
		if (step.noop) {
			outcome.status = 'skipped';
			outcome.message = step.noop;
		} else {
			const line = (operation: string, target: JournalTarget, result: JournalEntry['outcome'], errorCode: string | null): JournalEntry => ({
				time: now().toISOString(),
				...options.actor,
				operation,
				target,
				outcome: result,
				errorCode,
				planId,
				step: position,
			});
			const append = (entry: JournalEntry, consequence: string): string | undefined => {
				try {
					options.journal.append(entry);
					return undefined;
				} catch (error) {
					const warning = journalWarning(error, consequence);
					journalWarnings.push(warning);
					return warning;
				}
			};
			const record = (result: JournalEntry['outcome'], errorCode: string | null, consequence: string, extra: JournalTarget = {}) =>
				append(line(iamAction(step.run), {...journalTarget(step.run), ...extra}, result, errorCode), consequence);
			// Reconcile's own writes (deleting an orphan key) are journaled like any other; a journal failure
			// there must not break the reconcile in the gateway.
			const observe: WriteObserver = write => {
				append({...line(write.action, sideTarget(write.target), write.outcome, write.errorCode), by: 'reconcile'}, `reconcile's ${write.action} (${write.outcome}) is not in it`);
			};
			// Written before the request leaves: if the process dies now, the journal shows the write may have landed.
			// A write whose intent cannot be journaled is not sent.
			const unjournaled = record('intent', null, `nothing was sent for step ${position + 1}; fix the journal, then run again`);
			if (unjournaled) {
				outcome.status = 'failed';
				outcome.message = unjournaled;
				ok = false;
				options.onStep?.(outcome, position);
				break;
			}
			try {
				const result = await send(options.gateway, step.run, observe);
				outcome.status = 'done';
				patch.changes.push(settle(step.run, result, secrets));
				const warning = record('ok', null, 'the change WAS made', resultTarget(step.run, result));
				if (warning) outcome.message = warning;
			} catch (error) {
				if (options.goneIsDone && alreadyGone(step.run, error)) {
					outcome.status = 'done';
					outcome.message = record('ok', 'NoSuchEntity', 'the target was already gone') ?? 'already gone';
					patch.changes.push({...step.run});
					options.onStep?.(outcome, position);
					continue;
				}
				outcome.status = 'failed';
				outcome.message = describeError(error);
				if (isIamError(error)) outcome.errorKind = error.kind;
				const refused = isIamError(error) && error.kind === 'ReadOnly';
				record(refused ? 'refused' : 'failed', isIamError(error) ? (error.code ?? error.kind) : 'Unknown', `the failure of step ${position + 1} is not in it`);
				ok = false;
			}
		}
		options.onStep?.(outcome, position);
		if (!ok) break;
	}
	return {ok, planId, outcomes, patch, secrets, ...(journalWarnings.length > 0 ? {journalWarnings} : {})};
};

/** The journal warnings as stderr lines for a headless command ('' when the journal took every line). */
export const journalNotice = (report: ExecutionReport): string => (report.journalWarnings ?? []).map(warning => `iamtui: warning: ${warning}\n`).join('');

/** One line per step: done / failed / skipped / not run. */
export const reportLines = (report: ExecutionReport): string[] =>
	report.outcomes.map(o => {
		const label = {done: 'done', failed: 'FAILED', skipped: 'skipped', 'not-run': 'not run'}[o.status];
		return `${label.padEnd(8)} ${o.step.description}${o.message ? ` — ${o.message}` : ''}`;
	});
