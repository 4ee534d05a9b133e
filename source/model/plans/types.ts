// A write, before it is sent: steps in order, each with its `aws iam …` equivalent and a descriptor of
// the gateway call it makes. Plain data, so a screen can show it and a test can compare it.
import type {WriteInput, WriteName} from '../gateway.js';
import type {Secret} from '../secret.js';

/** A gateway input as a plan holds it: a password travels as a Secret, never as a string. */
type Planned<T> = {[P in keyof T]: P extends 'password' ? Secret : T[P]};

/** The gateway write one step performs: its name (model/gateway.ts IamWrites) and its input. */
export type StepOperation = {[K in WriteName]: {operation: K} & Planned<WriteInput<K>>}[WriteName];

export interface PlanStep {
	description: string;
	/** The same change with the AWS CLI, for the operator to read or copy. Never contains a secret. */
	awsCli: string;
	run: StepOperation;
	/** Set when the account already is as the step wants: reported, never sent. */
	noop?: string;
}

export interface PlanTarget {
	kind: 'user' | 'group' | 'policy' | 'role';
	name: string;
}

/** A policy that arrives or leaves through the group, and any other path that keeps it. */
export interface PolicyChange {
	kind: 'managed' | 'inline';
	name: string;
	arn?: string;
	/** Other paths by which the user gets the same policy ("group Ops", "attached directly"). */
	keptThrough: string[];
}

/** An action pattern granted through the group, read from the statements (not simulated). */
export interface ActionChange {
	/** As written, e.g. lightsail:* (or "NotAction: …"). */
	pattern: string;
	/** The group's grant has a Condition. */
	conditional: boolean;
	/** Grants by other paths that cover the pattern ("LightsailFullAccessPolicy via group Ops"). */
	keptThrough: string[];
	/** Grants by other paths that may cover it (NotAction, conditions, narrower resources). */
	mayKeepThrough: string[];
	/** A removal: roles the user still reaches it through ("role Admin"); set by plans/preview-roles.ts. */
	reachedThroughRoles?: string[];
	/** A removal: roles that may still give it (conditions, boundary, a deny), each with why. */
	mayReachThroughRoles?: string[];
}

export interface MembershipPreview {
	user: string;
	group: string;
	change: 'add' | 'remove';
	/** Set when the user already is (add) or is not (remove) in the group. */
	noop?: string;
	policies: PolicyChange[];
	actions: ActionChange[];
	/** Roles the user may assume before the change and not after ("role Admin", a chain with its conditions); preview-roles.ts. */
	rolesLost?: string[];
	/** Roles the user may assume after the change and not before. */
	rolesGained?: string[];
	/** Deny statements of the group: removing lifts them, adding imposes them. */
	denies: string[];
	/** Policies that could not be read: the action preview may miss something. */
	problems: string[];
}

export interface Plan {
	title: string;
	/** Takes access away: the confirmation says so. */
	dangerous: boolean;
	targets: PlanTarget[];
	steps: PlanStep[];
	previews: MembershipPreview[];
	/** Deleting a user, group or policy: the operator must type this name to confirm. */
	confirmName?: string;
	/** Set when the plan removes the caller's own path to IAM writes: the consequence, to be typed-confirmed. */
	lockout?: string;
	/** Further lines for the confirmation: a policy document preview, warnings, what a template is for. */
	notes?: string[];
	/** A document shown before/after (a trust policy the plan replaces). */
	diff?: {title: string; lines: DiffLine[]};
}

/** One line of a before/after diff: ' ' unchanged, '-' only before, '+' only after. */
export interface DiffLine {
	change: ' ' | '-' | '+';
	text: string;
}

/** A step that ran, with what it returned (a created policy's ARN, a certificate id); no secrets. */
export type AppliedChange = StepOperation & {result?: {arn?: string; certificateId?: string; accessKeyId?: string}};

/** The entities a finished plan changed, for patching the snapshot before the reload arrives. */
export interface SnapshotPatch {
	changes: AppliedChange[];
}
