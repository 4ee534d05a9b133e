// Readies every account's access model for an org-wide who-can while the operator is on the who-can screen (and
// the organization is open): the first org-wide answer otherwise builds fifty models and runs this code cold in
// one go (1.3–1.9 s at 50 accounts × 500 principals, against 0.2–0.9 s once ready). One account at a time, each
// in prepareWhoCan's short steps, and none while a query is running: the operator's question comes first.
import {prepareWhoCan} from '../access/who-can-prepare.js';
import type {ModelOf} from './account-answers.js';
import type {OpenedOrganization} from './org-load.js';

/** How long to wait before looking again whether the query that holds the warm-up off is done. */
const BUSY_WAIT_MS = 50;

const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Prepares each loaded account's model (`modelOf`: the models the org-wide who-can will use), in the
 * organization's order. `busy` says a query is running: the warm-up waits for it. Stops when `signal` aborts.
 */
export const prepareOrgWhoCan = async (opened: OpenedOrganization, modelOf: ModelOf, signal: AbortSignal, busy: () => boolean): Promise<void> => {
	for (const {account, load} of opened.accounts) {
		if (load.kind !== 'loaded') continue;
		await pause(0);
		while (busy() && !signal.aborted) await pause(BUSY_WAIT_MS);
		if (signal.aborted) return;
		await prepareWhoCan(modelOf(account.id, load.snapshot), signal);
	}
};
