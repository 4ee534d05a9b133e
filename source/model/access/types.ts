// Public shapes of the access model: what reaches a user, and the answers to "can USER do ACTION?"
// and "who can do ACTION?". Nothing here names the simulator, so it can be swapped.

export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny' | 'Conditional';

/** Where a policy comes from, as the operator would walk it: user → group → policy. */
export interface PolicySource {
	kind: 'managed' | 'inline' | 'boundary';
	/** Policy name (inline name, or managed policy name). */
	name: string;
	/** Managed policies and boundaries. */
	arn?: string;
	/** Set when the policy reaches the user through a group. */
	viaGroup?: string;
	/** Set when the policy is a role's own (reached by assuming the role). */
	role?: string;
}

/** A policy reaching a user, with its document (JSON text as stored in the snapshot). */
export interface ReachingPolicy {
	/** Stable identity of the document: the ARN for managed policies, a composed key for inline ones. */
	key: string;
	source: PolicySource;
	document: string;
}

/** One statement of one policy, as it took part in a decision. */
export interface StatementRef {
	source: PolicySource;
	/** 1-based position of the statement in the policy's Statement list. */
	statementIndex: number;
	sid?: string;
	effect: 'Allow' | 'Deny';
}

/** A condition the answer depends on, as written in the statement. */
export interface ConditionShown {
	operator: string;
	key: string;
	values: string[];
	/** Allow: access needs it to hold. Deny: access needs it NOT to hold. */
	effect: 'Allow' | 'Deny';
	statement: StatementRef;
}

/** A policy that reached the principal but could not be evaluated; the answer was computed without it. */
export interface PolicyProblem {
	source: PolicySource;
	reason: string;
}

export type AccessErrorKind =
	| 'unknown-user'
	| 'unknown-service'
	| 'unknown-action'
	| 'ambiguous-action'
	| 'bad-resource'
	| 'evaluation-failed';

export interface AccessError {
	ok: false;
	kind: AccessErrorKind;
	message: string;
	/** Close names for unknown services/actions, or the candidates of an ambiguous wildcard. */
	suggestions: string[];
}

export interface Explanation {
	ok: true;
	userName: string;
	/** The action in the catalogue's spelling (e.g. ec2:TerminateInstances). */
	action: string;
	resource: string;
	decision: Decision;
	/**
	 * The deciding statements: the matching denies for ExplicitDeny; the allows for Allowed and
	 * Conditional (plus conditional denies); for ImplicitDeny the allows a boundary blocked, if any.
	 */
	statements: StatementRef[];
	/** Conditional only: the conditions the answer hangs on. */
	conditions: ConditionShown[];
	/** Denies whose action matched but only part of a wildcard resource: they cut into the grant. */
	partialDenies: StatementRef[];
	/** Set when identity policies allowed but the permissions boundary did not. */
	blockedByBoundary: boolean;
	/** The principal's permissions boundary, when it has one: what blockedByBoundary names. */
	boundary?: PolicySource;
	/** For a wildcard resource: the resource patterns the grant covers ('*' for everything). */
	resourcePatterns: string[];
	couldNotEvaluate: PolicyProblem[];
	/** e.g. "iam:ListUsers takes no resource; evaluated on *". */
	notes: string[];
	/** With request context given (--context): the conditions it settled, whether each held, and the entry that did. */
	decidedBy?: Array<ConditionShown & {holds: boolean; given: string}>;
}

export type ExplainResult = Explanation | AccessError;

/** One path (group if any, policy, statement) to an allow, and the query's actions it grants, in query order. */
export interface GrantPath {
	statement: StatementRef;
	actions: string[];
}

/** A condition of an assume-role step: written in the role's trust policy, or in the caller's identity policy. */
export interface AssumeCondition {
	operator: string;
	key: string;
	values: string[];
	where: 'trust' | 'identity';
	/** Allow: assuming needs it to hold. Deny: assuming needs it NOT to hold. */
	effect: 'Allow' | 'Deny';
}

/** The trust statement that admits (or refuses) a caller. */
export interface TrustRef {
	role: string;
	/** 1-based position in the trust policy's Statement list. */
	statementIndex: number;
	sid?: string;
	/** account: the trust names the account (the caller's identity policy must allow); direct: it names the caller. */
	principal: 'account' | 'direct';
	effect: 'Allow' | 'Deny';
}

/** Whether one caller (user or role) may assume one role, and why. */
export interface AssumeStep {
	caller: {kind: 'user' | 'role'; name: string};
	role: string;
	roleArn: string;
	decision: Decision;
	trust?: TrustRef;
	/** The caller's statements that allow (or deny) sts:AssumeRole on the role. */
	identity: StatementRef[];
	conditions: AssumeCondition[];
	/** With request context given: the trust conditions it settled, in words (absent when none). */
	decided?: string[];
	/** One line: why, in the operator's words. */
	reason: string;
}

/** How a principal reaches an action through roles: the assume steps, then the last role's grant. */
export interface RolePath {
	role: string;
	roleArn: string;
	/** From the principal to `role` (one step, or several when roles chain). */
	steps: AssumeStep[];
	decision: 'Allowed' | 'Conditional';
	/** The role's statements that allow the action. */
	via: GrantPath[];
	/** The role's own conditions for the action (the steps carry theirs). */
	conditions: ConditionShown[];
	actions: string[];
	/** On a wildcard resource: the resources the role's grant is limited to (absent: every resource). */
	resources?: string[];
	/** On a wildcard resource: a deny cuts into the role's grant. */
	partlyDenied?: boolean;
}

export interface WhoCanEntry {
	kind: 'user' | 'group' | 'role';
	name: string;
	arn: string;
	decision: 'Allowed' | 'Conditional';
	/** Every path to an allow statement that grants (each once, with the actions it grants). */
	via: GrantPath[];
	/** Expanded actions this principal can do (one unless the query had wildcards). */
	actions: string[];
	conditions: ConditionShown[];
	/** True when some policy reaching this principal could not be evaluated (one that may speak of the query makes it Conditional on it). */
	incomplete: boolean;
	/** On a wildcard resource: the resources its grants are limited to (absent: every resource). */
	resources?: string[];
	/** On a wildcard resource: a deny cuts into its grant (some resources are denied). */
	partlyDenied?: boolean;
	/** Set when the principal (also) reaches the action by assuming roles; `via` holds only its direct grants. */
	throughRoles?: RolePath[];
}

/** A role that can act, whose trust admits someone outside this account (or could not be read): who, in words. */
export interface RoleTrustNote {
	role: string;
	/** e.g. "service ec2.amazonaws.com", "account arn:aws:iam::999988887777:root (another account)". */
	note: string;
}

export interface WhoCanAnswer {
	ok: true;
	/** The query as expanded from the catalogue. */
	actions: string[];
	resource: string;
	users: WhoCanEntry[];
	groups: WhoCanEntry[];
	/** Roles whose own policies grant the action (rows of their own). */
	roles: WhoCanEntry[];
	/** Trust policies that admit principals outside this account or that could not be read, named (never counted). */
	roleNotes: RoleTrustNote[];
	/** Distinct policies that could not be evaluated, with who they reach. */
	couldNotEvaluate: Array<PolicyProblem & {users: string[]; groups: string[]}>;
	notes: string[];
}

export type WhoCanResult = WhoCanAnswer | AccessError;

/** One statement's contribution to a service in the Access view. */
export interface ServiceGrant {
	/** The action patterns as written (or "NotAction: …"). */
	actions: string[];
	resources: string[];
	notResource: boolean;
	conditional: boolean;
	statement: StatementRef;
}

export interface ServiceAccess {
	/** Service prefix, or '*' for grants that span every service. */
	service: string;
	grants: ServiceGrant[];
	/** Deny statements that can cut into these grants. */
	denies: ServiceGrant[];
	/** Every grant is conditional. */
	conditional: boolean;
}

export interface EffectiveAccess {
	ok: true;
	/** The user's (or the role's) name. */
	name: string;
	kind: 'user' | 'role';
	services: ServiceAccess[];
	adminEquivalent: boolean;
	boundary?: PolicySource;
	couldNotEvaluate: PolicyProblem[];
}
