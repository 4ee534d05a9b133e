// The organization of the current profile, opened on demand (:accounts, :people, org-wide who-can): every
// account through the audit role the store remembers for the profile, with progress per account, and
// Identity Center read beside them. Open once the accounts are in: Identity Center may take far longer (a call
// per person), and arrives in the open state when read. One per connection (App keys it by the connection),
// so a profile switch closes it.
import {createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode} from 'react';
import type {AccessModel} from '../../model/access.js';
import type {AccessError} from '../../model/access/types.js';
import {buildAccessModel, withContext} from '../../model/access.js';
import {buildIndex} from '../../model/indexes.js';
import {sharedKnowledge, type SharedKnowledge} from '../../model/access/shared-knowledge.js';
import type {RequestContext} from '../../model/access/request-context.js';
import {accountAnswerInputs} from '../../model/org/account-answers.js';
import {DEFAULT_AUDIT_ROLE, type OpenedOrganization} from '../../model/org/org-load.js';
import {prepareOrgWhoCan} from '../../model/org/org-prepare.js';
import type {AccountProgress, OrgSession, OrgView} from '../../model/org/org-session.js';
import {orgWhoCan, type OrgAccountAnswer} from '../../model/org/org-who-can.js';
import type {ConnectionHooks} from '../../model/gateway.js';
import type {AccountSnapshot} from '../../model/snapshot.js';
import {useConnection} from './connection.js';
import {useServices} from './services-context.js';

export type OrgState =
	| {status: 'closed'}
	/** `accounts`: each account as it was last reported, in the order the loader reached them. */
	| {status: 'opening'; auditRole: string; accounts: AccountProgress[]}
	/** `session.identityCenter` is `{reading: true}` until Identity Center is read. */
	| {status: 'open'; auditRole: string; session: OrgView}
	| {status: 'failed'; auditRole: string; error: unknown};

/** Who can do an action in every account: the answers with SCPs applied, and how many actions the query covers. */
export type OrgWhoCanResult = {ok: true; answers: OrgAccountAnswer[]; total: number} | AccessError;

export interface OrganizationContext {
	state: OrgState;
	/** The audit role the next open uses: remembered for the profile, else the default. */
	auditRole: string;
	/** Opens the organization unless it is open or opening. */
	open(): void;
	/** Remembers another audit role for the profile (throws on a malformed name) and opens the organization again. */
	reopenWith(auditRole: string): void;
	/** `r` on the organization's screens: drops the organization and every account's model, and opens it again (progress per account). */
	reload(): void;
	/**
	 * Who can do ACTION on RESOURCE across the open organization (once Identity Center is read: its people are in
	 * the answer); with a request context, every account's answer and its SCPs and RCPs assume it.
	 */
	whoCan(session: OrgView, action: string, resource: string, request?: RequestContext): Promise<OrgWhoCanResult>;
	/**
	 * Readies every loaded account's model for org-wide who-can in the background (org-prepare.ts), waiting while an
	 * org-wide question runs or `busy` says the caller's own does; the who-can screen asks for it while the
	 * organization is open. Stops when `signal` aborts.
	 */
	warmUp(opened: OpenedOrganization, signal: AbortSignal, busy?: () => boolean): Promise<void>;
	/** One member account's access model, as read through the audit role: kept for the session, shared with who-can. */
	accountModel(accountId: string, snapshot: AccountSnapshot): AccessModel;
	/** The connection's hooks (the MFA code prompt), for the organization's writes (offboarding a person everywhere). */
	hooks: ConnectionHooks;
}

const Context = createContext<OrganizationContext | undefined>(undefined);

/** The audit role remembered for the profile; a store that cannot be read means the default. */
const rememberedRole = (read: () => string | undefined): string => {
	try {
		return read() ?? DEFAULT_AUDIT_ROLE;
	} catch {
		return DEFAULT_AUDIT_ROLE;
	}
};

const withProgress = (accounts: AccountProgress[], progress: AccountProgress): AccountProgress[] => {
	const at = accounts.findIndex(a => a.account.id === progress.account.id);
	return at < 0 ? [...accounts, progress] : accounts.map((a, n) => (n === at ? progress : a));
};

export function OrganizationProvider(props: {hooks: ConnectionHooks; children: ReactNode}) {
	const services = useServices();
	const {settings} = useConnection();
	const {hooks} = props;
	const [state, setState] = useState<OrgState>({status: 'closed'});
	const [auditRole, setAuditRole] = useState(() => rememberedRole(() => services.store.auditRole(settings.profile)));
	// Only the latest open may report: an older one's progress and answer are dropped.
	const generation = useRef(0);
	// Each account's access model, kept for the session so the next question reuses its parsed policies. Keyed
	// by the snapshot read, not the account: a question (or the warm-up) still running on the organization as it
	// was before `r` must not leave its models for the accounts read again.
	const models = useRef(new WeakMap<AccountSnapshot, AccessModel>());
	// What the accounts' models share (policy texts, statements, their answers): dropped with them.
	const knowledge = useRef<SharedKnowledge | undefined>(undefined);
	// The latest open, whole (Identity Center read): what an answer asked before then waits for.
	const whole = useRef<Promise<OrgSession> | undefined>(undefined);

	const start = useCallback(
		(role: string) => {
			const mine = ++generation.current;
			models.current = new WeakMap();
			knowledge.current = undefined;
			setState({status: 'opening', auditRole: role, accounts: []});
			const current = () => generation.current === mine;
			const opening = services.openOrganization
				? services.openOrganization(settings, hooks, {
						auditRole: role,
						onAccount: progress => current() && setState(s => (s.status === 'opening' ? {...s, accounts: withProgress(s.accounts, progress)} : s)),
						onAccounts: opened => current() && setState(s => (s.status === 'opening' ? {status: 'open', auditRole: role, session: {opened, identityCenter: {reading: true}}} : s)),
					})
				: Promise.reject(new Error('this session cannot open an organization'));
			whole.current = opening;
			opening.then(
				session => current() && setState({status: 'open', auditRole: role, session}),
				(error: unknown) => current() && setState({status: 'failed', auditRole: role, error}),
			);
		},
		[services, settings, hooks],
	);

	const open = useCallback(() => {
		if (state.status === 'closed') start(auditRole);
	}, [state.status, start, auditRole]);

	const reopenWith = useCallback(
		(role: string) => {
			services.store.setAuditRole(settings.profile, role);
			setAuditRole(role);
			start(role);
		},
		[services, settings.profile, start],
	);

	const reload = useCallback(() => start(auditRole), [start, auditRole]);

	const accountModel = useCallback((_accountId: string, snapshot: AccountSnapshot): AccessModel => {
		let model = models.current.get(snapshot);
		if (!model) models.current.set(snapshot, (model = buildAccessModel(buildIndex(snapshot), undefined, (knowledge.current ??= sharedKnowledge()))));
		return model;
	}, []);

	// Org-wide questions running: the background warm-up waits for them.
	const running = useRef(0);
	const warmUp = useCallback(
		(opened: OpenedOrganization, signal: AbortSignal, busy: () => boolean = () => false) =>
			prepareOrgWhoCan(opened, accountModel, signal, () => running.current > 0 || busy()).catch(() => undefined),
		[accountModel],
	);

	const answerAcross = useCallback(async (view: OrgView, action: string, resource: string, request?: RequestContext): Promise<OrgWhoCanResult> => {
		// Identity Center still being read: its people are part of the answer, so it waits for them.
		const {identityCenter} = view;
		const session: OrgSession = 'reading' in identityCenter ? await whole.current! : {opened: view.opened, identityCenter};
		// With a context: the account's kept model, its structures shared, answers of the context's own.
		const modelOf = (accountId: string, snapshot: AccountSnapshot) => (request ? withContext(accountModel(accountId, snapshot), request) : accountModel(accountId, snapshot));
		// Whom the context changed in each account: the kept model without it asks the open question (often known already).
		const asked = await accountAnswerInputs(session.opened, action, resource, modelOf, accountModel);
		if (!asked.ok) return asked;
		const ic = 'error' in session.identityCenter ? undefined : session.identityCenter;
		const answers = await orgWhoCan(session.opened.organization, asked.inputs, ic, action, resource, request);
		// The same catalogue in every account: any answer's action count is the query's.
		const total = asked.inputs.find(input => 'answer' in input)?.answer.actions.length ?? 1;
		return {ok: true, answers, total};
	}, [accountModel]);

	const whoCan = useCallback(async (view: OrgView, action: string, resource: string, request?: RequestContext): Promise<OrgWhoCanResult> => {
		running.current++;
		try {
			return await answerAcross(view, action, resource, request);
		} finally {
			running.current--;
		}
	}, [answerAcross]);

	const value = useMemo(() => ({state, auditRole, open, reopenWith, reload, whoCan, warmUp, accountModel, hooks}), [state, auditRole, open, reopenWith, reload, whoCan, warmUp, accountModel, hooks]);
	return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export const useOrganization = (): OrganizationContext => {
	const organization = useContext(Context);
	if (!organization) throw new Error('useOrganization needs an OrganizationProvider');
	return organization;
};
