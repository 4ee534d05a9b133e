// One account of the organization (enter on :accounts): where it sits (OU path), how its IAM was read (as
// you, through the audit role) or why it could not be (the step, the reason, what to do), the SCPs on its
// path each with the root, OU or account it hangs on, and the Identity Center people who reach it.
// Opened from an org-wide who-can line on an IAM principal, it shows that principal first, the cursor on it.
import {Box, Text} from 'ink';
import {useMemo, useState, type ReactNode} from 'react';
import type {AccessModel} from '../../model/access.js';
import {accountCap, type AccountCap} from '../../model/org/account-cap.js';
import type {AccountSnapshot} from '../../model/snapshot.js';
import type {RequestContext} from '../../model/access/request-context.js';
import {reachViaText, whoReachesAccount} from '../../model/org/identity-center.js';
import {ouPathText, scpsOnPath, type AccountLoad} from '../../model/org/org-load.js';
import type {AccountProgress, OrgView} from '../../model/org/org-session.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import type {OrgState} from '../hooks/organization.js';
import {useCommands} from '../hooks/keyboard.js';
import {useMessages} from '../hooks/messages.js';
import {useRequestContext} from './ContextField.js';
import {ExplainSlot} from './ExplainPanel.js';
import {accountPrincipalsLines, PRINCIPAL_KEY, principalLines, type AccountPrincipal} from './account-principal-lines.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const loadLines = (load: AccountLoad | {kind: 'loading'}): DetailLine[] => {
	switch (load.kind) {
		case 'loading':
			return [note('iam-loading', 'loading…')];
		case 'loaded': {
			const {users, groups, roles} = load.snapshot;
			return [
				note('iam-via', load.roleArn ? `read through ${load.roleArn}` : 'read with your own credentials (the account of this profile)'),
				{key: 'iam-counts', text: `${plural(users.length, 'user')}, ${plural(groups.length, 'group')}, ${plural(roles.length, 'role')}`},
			];
		}
		case 'failed':
			return [
				{key: 'iam-failed', text: `FAILED at ${load.step === 'assume-role' ? 'assuming the audit role' : 'reading IAM'}: ${load.message}`, tone: 'error'},
				...(load.hint ? [{key: 'iam-hint', text: `what to do: ${load.hint}`, tone: 'warning' as const}] : []),
			];
		case 'skipped':
			return [note('iam-skipped', `not read: ${load.reason}`)];
	}
};

const peopleLines = (ic: OrgView['identityCenter'] | undefined, accountId: string, onOpenPerson?: (userId: string) => void): DetailLine[] => {
	if (!ic) return [note('people-wait', 'read once the organization is open')];
	if ('reading' in ic) return [note('people-wait', 'Identity Center is still being read')];
	if ('error' in ic) return [note('people-error', `Identity Center not read: ${ic.error}`, 'warning')];
	const reaches = whoReachesAccount(ic, accountId);
	if (reaches.length === 0) return [note('people-none', 'nobody reaches it through a permission set')];
	return reaches.map(r => ({
		key: `person-${r.user.id}-${r.permissionSet.arn}`,
		text: `${r.user.userName}  ${r.permissionSet.name}  via ${reachViaText(r.via)}`,
		...(onOpenPerson ? {open: () => onOpenPerson(r.user.id)} : {}),
	}));
};

export const accountLines = (
	progress: AccountProgress,
	managementAccountId: string | undefined,
	ic: OrgView['identityCenter'] | undefined,
	opens: {onOpenPrincipal?: (principal: AccountPrincipal) => void; onOpenPerson?: (userId: string) => void} = {},
): DetailLine[] => {
	const {account, load} = progress;
	const path = 'path' in progress ? progress.path : [];
	const management = account.id === managementAccountId;
	const scps = scpsOnPath(path);
	const people = peopleLines(ic, account.id, opens.onOpenPerson);
	return [
		note('status', `status ${account.status ?? 'unknown'} · OU path ${ouPathText(path) || '(not known yet)'}${management ? ' · the management account' : ''}`),
		heading('iam', 'IAM'),
		...loadLines(load),
		heading('scps', `SCPs on the path (${scps.length})`),
		...(management ? [note('scps-exempt', 'SCPs do not restrict the management account (as in AWS)', 'warning')] : []),
		...scps.map(({scp, target}) => ({key: `scp-${scp.id}-${target.id}`, text: `${scp.name}  on ${target.kind === 'ou' ? 'OU' : target.kind} ${target.name}`})),
		...(scps.length === 0 ? [note('scps-none', path.length ? 'none' : 'known once the account is reported')] : []),
		heading('people', `Identity Center people who reach it${people.some(line => line.open) ? ': enter opens the person' : ''}`),
		...people,
		...(load.kind === 'loaded' ? accountPrincipalsLines(load.snapshot, opens.onOpenPrincipal) : []),
	];
};

/** The account as far as the organization is open; undefined if it is not (yet) in it. */
const findAccount = (state: OrgState, id: string): AccountProgress | undefined => {
	const accounts: AccountProgress[] = state.status === 'open' ? state.session.opened.accounts : state.status === 'opening' ? state.accounts : [];
	return accounts.find(a => a.account.id === id);
};

/** What Explain needs on the screen: the principal's account as read, its model, and the controls on its path. */
interface Explainable {
	model: AccessModel;
	/** The SCPs and RCPs on the account's path, assuming a request context. */
	capFor: (request: RequestContext) => AccountCap;
	principal: {kind: 'user' | 'role'; name: string};
}

const EXPLAIN_HEIGHT = 10;

export function AccountScreen(props: {
	state: OrgState;
	id: string;
	focus?: AccountPrincipal;
	/** The account's access model (kept for the session, shared with org-wide who-can). */
	accountModel: (accountId: string, snapshot: AccountSnapshot) => AccessModel;
	/** Enter on one of the account's users or roles: the screen opened on it. */
	onOpenPrincipal?: (principal: AccountPrincipal) => void;
	/** Enter on one of the Identity Center people who reach it: their person screen. */
	onOpenPerson?: (userId: string) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {state, id, focus, accountModel, onOpenPrincipal, onOpenPerson} = props;
	const progress = findAccount(state, id);
	const session = state.status === 'open' ? state.session : undefined;
	const lines = useMemo(() => {
		if (!progress) return [note('missing', `Account ${id} is not in the organization as opened.`, 'warning')];
		const account = accountLines(progress, session?.opened.organization.managementAccountId, session?.identityCenter, {onOpenPrincipal, onOpenPerson});
		return focus ? [...principalLines(progress.load.kind === 'loaded' ? progress.load.snapshot : undefined, focus), ...account] : account;
	}, [progress, session, id, focus, onOpenPrincipal, onOpenPerson]);
	// Explain asks about the principal the screen is opened on (a user or a role), once the organization is open.
	const explainable = useMemo((): Explainable | undefined => {
		if (!session || !progress || progress.load.kind !== 'loaded' || !focus || focus.kind === 'group') return undefined;
		return {model: accountModel(id, progress.load.snapshot), capFor: request => accountCap(session.opened.organization, progress.account, request), principal: {kind: focus.kind, name: focus.name}};
	}, [session, progress, focus, id, accountModel]);
	const title = <Text bold wrap="truncate-end">{`Account ${sanitize(progress?.account.name ?? id)} (${id})`}</Text>;
	const list = (height: number, focused: boolean, onBack = props.onBack) => (
		<DetailList scope="account" lines={lines} {...(focus ? {initialKey: PRINCIPAL_KEY} : {})} height={height} width={props.width} focused={focused} onBack={onBack} />
	);
	if (explainable) return <ExplainableAccount {...props} explainable={explainable} title={title} list={list} />;
	return <PlainAccount {...props} title={title} list={list} why={explainRefusal(progress, focus)} />;
}

/** Why `e` cannot ask here, in words that say what would let it. */
const explainRefusal = (progress: AccountProgress | undefined, focus: AccountPrincipal | undefined): string => {
	if (!focus) return 'Explain asks about a principal: enter on one of the account\'s users or roles (listed last), then e';
	if (focus.kind === 'group') return 'Explain asks about a user or a role: a group is not a principal that makes requests';
	if (!progress || progress.load.kind !== 'loaded') return 'Explain needs the account read: it was not (see IAM above)';
	// Open, with the account read and a user or role named, the screen explains: only the organization is left to wait for.
	return 'Explain waits for the organization to open';
};

type ListOf = (height: number, focused: boolean, onBack?: () => void) => ReactNode;

function PlainAccount(props: {title: ReactNode; list: ListOf; why: string; focused: boolean; height: number}) {
	const {flash} = useMessages();
	useCommands('account', {explain: () => flash(props.why), 'request-context': () => flash(props.why)}, props.focused);
	return (
		<Box flexDirection="column">
			{props.title}
			{props.list(props.height - 1, props.focused)}
		</Box>
	);
}

/** The screen with Explain on the named principal: its answer in this account, SCPs and RCPs applied; `c` sets the request context. */
function ExplainableAccount(props: {explainable: Explainable; title: ReactNode; list: ListOf; onBack: () => void; focused: boolean; width: number; height: number}) {
	const {model, capFor, principal} = props.explainable;
	const [explain, setExplain] = useState<'closed' | 'editing' | 'shown'>('closed');
	// The context holds for the account's policies and for its SCPs and RCPs alike.
	const requestContext = useRequestContext(model);
	const {editing: editingContext, applied} = requestContext;
	const cap = useMemo(() => capFor(applied.context), [capFor, applied]);
	useCommands('account', {explain: () => setExplain('editing'), 'request-context': requestContext.edit}, props.focused && explain !== 'editing' && !editingContext);
	const panel = explain === 'closed' ? 0 : Math.min(EXPLAIN_HEIGHT, Math.max(4, props.height - 4));
	const onBack = () => (explain === 'shown' ? setExplain('closed') : props.onBack());
	return (
		<Box flexDirection="column">
			{props.title}
			{requestContext.bar({active: props.focused, width: props.width, why: 'Explain and the SCPs assume it'})}
			{explain === 'closed' ? null : (
				<ExplainSlot
					model={requestContext.model}
					principal={principal}
					cap={cap}
					active={props.focused && explain === 'editing' && !editingContext}
					width={props.width}
					height={panel}
					onAsked={() => setExplain('shown')}
					onLeave={answered => setExplain(answered ? 'shown' : 'closed')}
				/>
			)}
			{props.list(props.height - 1 - requestContext.height - panel, props.focused && explain !== 'editing' && !editingContext, onBack)}
		</Box>
	);
}
