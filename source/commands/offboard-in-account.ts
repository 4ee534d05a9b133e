// One named IAM user offboarded in its account of the organization, as offboarding a person everywhere
// does it (the headless command and the TUI alike): `offboard USER --yes` itself, run through a gateway
// in that account (the audit role's), its own record kept for restore — not a copy of it.
import {EXIT_OK} from '../cli/exit-codes.js';
import {isIamError} from '../model/errors.js';
import type {ConnectionSettings} from '../model/gateway.js';
import type {AccountStep} from '../model/org/offboard-everywhere-record.js';
import type {AccountOffboarding, EverywhereConnection} from '../model/org/offboard-everywhere-run.js';
import type {OpenedOrganization} from '../model/org/org-load.js';
import type {JournalSink} from '../model/plans/execute.js';
import type {RecordStore} from '../store/records.js';
import {offboardCommand} from './offboard.js';

export interface OffboardInAccountOptions {
	settings: ConnectionSettings;
	journal: JournalSink;
	records: RecordStore;
	/** The operator said a plan that locks them out may run (--i-know-this-locks-me-out). */
	lockoutConfirmed?: boolean;
	now?: () => Date;
}

export const offboardInAccount = (connection: EverywhereConnection, opened: OpenedOrganization, options: OffboardInAccountOptions) => async (step: AccountStep): Promise<AccountOffboarding> => {
	const account = opened.accounts.find(a => a.account.id === step.accountId)?.account;
	if (!account) return {ok: false, message: `account ${step.accountId} is no longer in the organization`};
	const {gateway, close} = await connection.gatewayIn(account);
	try {
		const result = await offboardCommand(gateway, [step.user], {
			settings: options.settings,
			journal: options.journal,
			records: options.records,
			json: true,
			yes: true,
			dryRun: false,
			keepUser: false,
			lockoutConfirmed: options.lockoutConfirmed ?? false,
			...(options.now ? {now: options.now} : {}),
		});
		const body = result.stdout ? (JSON.parse(result.stdout) as {ok?: boolean; record?: string}) : {};
		const ok = (result.exitCode ?? EXIT_OK) === EXIT_OK && body.ok === true;
		const message = ok ? `${step.user} is offboarded` : (result.stderr ?? '').replace(/^iamtui: /, '').trim() || 'the offboarding stopped';
		return {ok, message, ...(body.record ? {record: body.record} : {})};
	} catch (error) {
		// Gone, with no unfinished offboarding of it: an earlier run (or someone) took it; what is wanted holds.
		if (isIamError(error) && error.code === 'NoSuchEntity') return {ok: true, message: `already gone: ${error.message}${error.hint.includes('record') ? ` (${error.hint})` : ''}`};
		throw error;
	} finally {
		close();
	}
};
