// What opening an organization gives a session (the TUI): every account's outcome and Identity Center,
// and the progress reported while the accounts load. Types, and Identity Center read off a view.
import type {IdentityCenter} from './identity-center.js';
import type {AccountOutcome, OpenedOrganization} from './org-load.js';

/** One account while the organization opens: its load started, or its outcome. */
export type AccountProgress = AccountOutcome | {account: AccountOutcome['account']; load: {kind: 'loading'}};

export interface OrgSession {
	opened: OpenedOrganization;
	/** Identity Center, or why it could not be read (the accounts stand without it). */
	identityCenter: IdentityCenter | {error: string};
}

/**
 * The organization as the TUI holds it: the accounts are usable once they are in, while Identity Center
 * (which may take far longer: a call per person in a large organization) is still being read.
 */
export interface OrgView {
	opened: OpenedOrganization;
	identityCenter: OrgSession['identityCenter'] | {reading: true};
}

/** Whether Identity Center is still being read (the accounts are in). */
export const readingIdentityCenter = (view: Pick<OrgView, 'identityCenter'> | undefined): boolean => view !== undefined && 'reading' in view.identityCenter;

/** Identity Center when it has been read; undefined when it could not be, or is still being read. */
export const identityCenterOf = (view: Pick<OrgView, 'identityCenter'> | undefined): IdentityCenter | undefined =>
	view && !('error' in view.identityCenter) && !('reading' in view.identityCenter) ? view.identityCenter : undefined;

export interface OpenOrgOptions {
	/** The role assumed in each member account. */
	auditRole: string;
	onAccount?: (progress: AccountProgress) => void;
	/** Every account's outcome, as soon as they are all in (Identity Center may still be being read). */
	onAccounts?: (opened: OpenedOrganization) => void;
}
