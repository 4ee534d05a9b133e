// A write, before it is sent: steps in order, each with its `aws iam …` equivalent and a descriptor of
// the gateway call it makes. Plain data, so a screen can show it and a test can compare it.

/** The gateway operation one step performs (model/gateway.ts names). */
export type StepOperation =
	| {operation: 'addUserToGroup'; user: string; group: string}
	| {operation: 'removeUserFromGroup'; user: string; group: string};

export interface PlanStep {
	description: string;
	/** The same change with the AWS CLI, for the operator to read or copy. */
	awsCli: string;
	run: StepOperation;
	/** Set when the account already is as the step wants: reported, never sent. */
	noop?: string;
}

export interface PlanTarget {
	kind: 'user' | 'group';
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
}

export interface MembershipPreview {
	user: string;
	group: string;
	change: 'add' | 'remove';
	/** Set when the user already is (add) or is not (remove) in the group. */
	noop?: string;
	policies: PolicyChange[];
	actions: ActionChange[];
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
}

/** The entities a finished plan changed, for patching the snapshot before the reload arrives. */
export interface SnapshotPatch {
	memberships: Array<{user: string; group: string; member: boolean}>;
}
