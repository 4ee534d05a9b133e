// The User screen's credential writes: the console password and signing certificates it loads per
// user, the lines that show them, and which write each key asks for given the selected line. The
// screen only reports the write (with what it loaded); the route builds the plan.
import type {AccessKeyDetail, LoginProfile, SigningCertificate, UserDetails} from '../../model/gateway.js';
import {formatAgo} from '../../model/views.js';
import {heading, note, type DetailLine} from '../components/DetailList.js';
import type {CommandId} from '../keymap.js';

/** Per-user calls: what the screen shows, loading, or why it could not (`notHeld`: an offline export has none). */
export type Loaded<T> = {status: 'loading'} | {status: 'ok'; details: T} | {status: 'error'; message: string; notHeld?: boolean};

/** Under a section an offline export cannot hold (its heading names what): short enough for 80 columns. */
export const NOT_IN_EXPORT = 'not in an offline export — open the live account to see them';

/** What the User screen loads besides UserDetails: login profile and signing certificates. */
export interface UserCredentials {
	loginProfile: LoginProfile | null;
	certificates: SigningCertificate[];
	/** Sections the source cannot hold (an offline export). */
	notHeld?: {console?: boolean; certificates?: boolean};
}

/** A write asked for on the User screen, with the per-user data its plan needs. */
export type UserWrite =
	| {kind: 'create-key'; user: string; keys: AccessKeyDetail[]}
	| {kind: 'key-status'; user: string; keys: AccessKeyDetail[]; accessKeyId: string}
	| {kind: 'delete-key'; user: string; keys: AccessKeyDetail[]; accessKeyId: string}
	| {kind: 'password'; user: string; loginProfile: LoginProfile | null}
	| {kind: 'remove-password'; user: string; loginProfile: LoginProfile | null}
	| {kind: 'attach-policy'; user: string}
	| {kind: 'detach-policy'; user: string; policyArn: string}
	| {kind: 'delete-inline'; user: string; policyName: string}
	| {kind: 'certificate'; user: string; certificates: SigningCertificate[]}
	| {kind: 'delete-certificate'; user: string; certificates: SigningCertificate[]; certificateId: string};

/** A section's line while its call is loading or when it failed (an offline export: said as such); else undefined. */
export const waiting = (state: Loaded<unknown>, key: string): DetailLine[] | undefined => {
	if (state.status === 'loading') return [note(`${key}-loading`, 'loading…')];
	if (state.status === 'error') return [state.notHeld ? note(`${key}-not-held`, NOT_IN_EXPORT) : note(`${key}-error`, state.message, 'error')];
	return undefined;
};

const day = (iso: string) => iso.slice(0, 10);

/** The "Console password" and "Signing certificates" sections. */
export const credentialLines = (state: Loaded<UserCredentials>, now: Date): DetailLine[] => {
	const profile = state.status === 'ok' ? state.details.loginProfile : null;
	const certificates = state.status === 'ok' ? state.details.certificates : [];
	const passwordLine: DetailLine = profile
		? {
				key: 'password-set',
				text: `set ${day(profile.createDate)} (${formatAgo(profile.createDate, now)})${profile.passwordResetRequired ? ' · must be changed at next sign-in' : ''}`,
				value: 'password',
				section: 'console',
			}
		: {...note('password-none', 'none: no console sign-in'), section: 'console'};
	const certificateLines: DetailLine[] = certificates.map(c => ({
		key: `certificate-${c.certificateId}`,
		text: `${c.certificateId}  ${c.status}  uploaded ${day(c.uploadDate)}`,
		value: c.certificateId,
		section: 'certificates',
		tone: c.status === 'Inactive' ? 'warning' : undefined,
	}));
	const notHeld = state.status === 'ok' ? state.details.notHeld : undefined;
	return [
		heading('console', 'Console password'),
		...(waiting(state, 'console') ?? (notHeld?.console ? [note('console-not-held', NOT_IN_EXPORT)] : [passwordLine])),
		heading('certificates', 'Signing certificates'),
		...(waiting(state, 'certificates') ??
			(notHeld?.certificates
				? [note('certificates-not-held', NOT_IN_EXPORT)]
				: certificateLines.length > 0
					? certificateLines
					: [note('certificates-none', 'none')])),
	];
};

const LOADING = 'still loading this user’s credentials — try again in a moment';

/** The User screen's write commands, given the selected line; each reports a UserWrite or a hint. */
export const userWriteActions = (options: {
	user: string;
	details: Loaded<UserDetails>;
	credentials: Loaded<UserCredentials>;
	onWrite: (write: UserWrite) => void;
	onHint: (text: string) => void;
}): Partial<Record<CommandId, (line: DetailLine | undefined) => void>> => {
	const {user, details, credentials, onWrite, onHint} = options;
	const keys = (then: (keys: AccessKeyDetail[]) => void) => () =>
		details.status === 'ok' ? then(details.details.accessKeys) : onHint(details.status === 'error' ? details.message : LOADING);
	const loaded = (then: (credentials: UserCredentials) => void) => () =>
		credentials.status === 'ok' ? then(credentials.details) : onHint(credentials.status === 'error' ? credentials.message : LOADING);
	return {
		'create-key': keys(list => onWrite({kind: 'create-key', user, keys: list})),
		'toggle-key': line =>
			line?.section === 'keys' && line.value
				? keys(list => onWrite({kind: 'key-status', user, keys: list, accessKeyId: line.value!}))()
				: onHint('Select an access key (tab moves to Access keys), then e'),
		'delete-selected': line => {
			const value = line?.value;
			if (line?.section === 'keys' && value) keys(list => onWrite({kind: 'delete-key', user, keys: list, accessKeyId: value}))();
			else if (line?.section === 'certificates' && value)
				loaded(c => onWrite({kind: 'delete-certificate', user, certificates: c.certificates, certificateId: value}))();
			else if (line?.section === 'attached' && value) onWrite({kind: 'detach-policy', user, policyArn: value});
			else if (line?.section === 'inline' && value) onWrite({kind: 'delete-inline', user, policyName: value});
			else onHint('Select an access key, a signing certificate, an attached or an inline policy (tab moves between sections), then d');
		},
		'console-password': loaded(c => onWrite({kind: 'password', user, loginProfile: c.loginProfile})),
		'remove-password': loaded(c => onWrite({kind: 'remove-password', user, loginProfile: c.loginProfile})),
		'attach-policy': () => onWrite({kind: 'attach-policy', user}),
		'add-certificate': loaded(c => onWrite({kind: 'certificate', user, certificates: c.certificates})),
	};
};
