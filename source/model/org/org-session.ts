// What opening an organization gives a session (the TUI): every account's outcome and Identity Center,
// and the progress reported while the accounts load. Types only.
import type {IdentityCenter} from './identity-center.js';
import type {AccountOutcome, OpenedOrganization} from './org-load.js';

/** One account while the organization opens: its load started, or its outcome. */
export type AccountProgress = AccountOutcome | {account: AccountOutcome['account']; load: {kind: 'loading'}};

export interface OrgSession {
	opened: OpenedOrganization;
	/** Identity Center, or why it could not be read (the accounts stand without it). */
	identityCenter: IdentityCenter | {error: string};
}

export interface OpenOrgOptions {
	/** The role assumed in each member account. */
	auditRole: string;
	onAccount?: (progress: AccountProgress) => void;
}
