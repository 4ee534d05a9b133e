// The screens the navigation stack can hold, and the keymap scope each one uses.
import type {JumpTarget} from '../jump-targets.js';
import type {KeyScope} from '../key-scopes.js';
import type {MembershipRequest} from '../../model/plans/group-membership.js';
import type {ExecutionReport, IssuedSecret} from '../../model/plans/execute.js';
import type {Plan} from '../../model/plans/types.js';
import type {UndoProposal} from '../../model/plans/undo.js';
import type {AccessKeyDetail, LoginProfile, SigningCertificate} from '../../model/gateway.js';
import type {PolicyWizardTarget} from '../screens/policy-wizard.js';
import type {ActionQueryValue} from '../components/ActionQuery.js';

/** A line of the User screen: a group they are in, a managed policy attached to them (ARN), an inline policy. */
export interface UserLineFocus {
	section: 'groups' | 'attached' | 'inline';
	value: string;
}

export type Route =
	| {screen: 'users'}
	| {screen: 'groups'}
	| {screen: 'roles'}
	| {screen: 'policies'}
	| {screen: 'profiles'}
	/** `focus`: the line the cursor starts on (who-can opens the user on the group or policy that granted). */
	| {screen: 'user'; name: string; focus?: UserLineFocus}
	| {screen: 'group'; name: string}
	| {screen: 'role'; name: string}
	| {screen: 'policy'; arn: string}
	/** `query`: asked as the screen opens (`:whocan ACTION [RESOURCE]`). */
	| {screen: 'whocan'; query?: ActionQueryValue}
	/** A user's effective access; `kind: 'role'`: a role's (from the Role screen). */
	| {screen: 'access'; name: string; kind?: 'role'}
	| {screen: 'inline-policy'; owner: 'user' | 'group' | 'role'; ownerName: string; policyName: string}
	// Writes: pick a group for a user or users for a group, then confirm the plan.
	| {screen: 'pick-group'; user: string}
	| {screen: 'pick-users'; group: string}
	| {screen: 'plan'; request: MembershipRequest}
	// Any other write: a plan built by the screen that asked for it, confirmed here.
	/** `finished`: the plan already ran (it issued secrets, shown first); its report and what can be undone. */
	/** `resolves`: the unfinished plan this one takes back, closed in the journal once it went through. */
	| {screen: 'run-plan'; plan: Plan; finished?: {report: ExecutionReport; undo: UndoProposal}; resolves?: string}
	// Credentials a plan issued, shown once: popping this route wipes them.
	/** `then`: where dismissing goes instead of back (the report of a plan that stopped part-way). */
	| {screen: 'secret'; secrets: IssuedSecret[]; then?: Route}
	// Offboarding (resumable, recorded), key rotation (resumable), credential hygiene.
	| {screen: 'offboard'; name: string}
	| {screen: 'rotate'; name: string}
	| {screen: 'hygiene'}
	// User-side writes: the create-user wizard, and the forms the User screen opens before a plan.
	| {screen: 'create-user'}
	| {screen: 'pick-user-policy'; user: string}
	| {screen: 'key-limit'; user: string; keys: AccessKeyDetail[]}
	| {screen: 'password-form'; user: string; loginProfile: LoginProfile | null}
	| {screen: 'certificate-form'; user: string; certificates: SigningCertificate[]}
	// Group and policy writes: create a group, pick a policy for a group or a holder for a policy, the policy wizard.
	| {screen: 'new-group'}
	| {screen: 'pick-group-policy'; group: string}
	| {screen: 'pick-policy-holder'; policyArn: string}
	| {screen: 'policy-wizard'; target: PolicyWizardTarget}
	// Role writes: pick a managed policy for a role (the other role writes go straight to their plan).
	| {screen: 'pick-role-policy'; role: string}
	// The audit journal.
	| {screen: 'journal'}
	// The organization of the profile (issue 19): its accounts, one account, Identity Center people, one person.
	| {screen: 'accounts'}
	| {screen: 'account'; id: string; /** An IAM principal of that account (enter on an org-wide who-can line, or on the account's list): shown, the cursor on it; e explains it. */ focus?: {kind: 'user' | 'group' | 'role'; name: string}}
	| {screen: 'people'}
	| {screen: 'person'; id: string}
	// An Identity Center group (enter on a person's group): its members and what it is assigned.
	| {screen: 'ic-group'; id: string}
	// Offboarding an Identity Center person everywhere (X on a person): the plan, the IAM users checked, the run.
	| {screen: 'everywhere'; id: string};

const scopes: Partial<Record<Route['screen'], KeyScope>> = {
	'inline-policy': 'policy',
	'pick-group': 'picker',
	'pick-users': 'picker',
	'run-plan': 'plan',
	'create-user': 'wizard',
	'pick-user-policy': 'picker',
	'key-limit': 'wizard',
	'password-form': 'wizard',
	'certificate-form': 'wizard',
	'new-group': 'write-wizard',
	'pick-group-policy': 'picker',
	'pick-policy-holder': 'picker',
	'policy-wizard': 'write-wizard',
	'pick-role-policy': 'picker',
};

export const scopeOf = (route: Route): KeyScope => scopes[route.screen] ?? (route.screen as KeyScope);

// Profiles, the journal and the organization's screens do not read this account's snapshot.
const withoutSnapshot = new Set<Route['screen']>(['profiles', 'journal', 'accounts', 'account', 'people', 'person', 'ic-group', 'everywhere']);

/** Screens that show the account and so need a loaded snapshot. */
export const needsSnapshot = (route: Route): boolean => !withoutSnapshot.has(route.screen);

/** Where `:target` goes: a screen of its own, no parameters (the build fails if a target has no route). */
export const jumpRoute = (target: JumpTarget): Route => ({screen: target});
