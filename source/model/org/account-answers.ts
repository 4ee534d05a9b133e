// Each account of an opened organization asked the same who-can question by its own policies: the input
// orgWhoCan caps with SCPs. Shared by the headless `who-can --org` and the TUI's organization view.
import {buildAccessModel, whoCan, type AccessError, type AccessModel} from '../access.js';
import type {RequestContext} from '../access/request-context.js';
import {sharedKnowledge} from '../access/shared-knowledge.js';
import {buildIndex} from '../indexes.js';
import type {AccountSnapshot} from '../snapshot.js';
import type {OpenedOrganization} from './org-load.js';
import type {AccountAnswerInput} from './org-who-can.js';

/** Builds an account's access model; the TUI passes one that keeps each account's model between questions. */
export type ModelOf = (accountId: string, snapshot: AccountSnapshot) => AccessModel;

/** Fresh models that share what their accounts have in common (policy texts, statements, their answers), assuming the request context given. */
export const freshModels = (request?: RequestContext): ModelOf => {
	const knowledge = sharedKnowledge();
	return (_accountId, snapshot) => buildAccessModel(buildIndex(snapshot), request, knowledge);
};

/** Every account's answer (or why it was not read), in the organization's order; an unknown action is refused once. */
export const accountAnswerInputs = async (
	opened: OpenedOrganization,
	action: string,
	resource: string,
	modelOf: ModelOf = freshModels(),
): Promise<{ok: true; inputs: AccountAnswerInput[]} | AccessError> => {
	const inputs: AccountAnswerInput[] = [];
	for (const {account, load} of opened.accounts) {
		const base = {accountId: account.id, accountName: account.name};
		if (load.kind === 'skipped') inputs.push({...base, error: load.reason, skipped: true});
		else if (load.kind === 'failed') inputs.push({...base, error: load.message});
		else {
			const answer = await whoCan(modelOf(account.id, load.snapshot), action, resource);
			// The action catalogue is the same in every account: refused in one, refused in all.
			if (!answer.ok) return answer;
			inputs.push({...base, answer});
		}
	}
	return {ok: true, inputs};
};
