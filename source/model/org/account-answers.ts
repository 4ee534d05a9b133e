// Each account of an opened organization asked the same who-can question by its own policies: the input
// orgWhoCan caps with SCPs. Shared by the headless `who-can --org` and the TUI's organization view.
import {buildAccessModel, whoCan, type AccessError, type AccessModel} from '../access.js';
import type {RequestContext} from '../access/request-context.js';
import {sharedKnowledge} from '../access/shared-knowledge.js';
import {contextEffects} from '../access/who-can-context.js';
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

/**
 * Every account's answer (or why it was not read), in the organization's order; an unknown action is refused once.
 * Models with a request context also say whom it changed in each account: `openModelOf` gives the account's model
 * without it when the caller keeps one (its answers may be known), else one sharing the context model's structures.
 */
export const accountAnswerInputs = async (
	opened: OpenedOrganization,
	action: string,
	resource: string,
	modelOf: ModelOf = freshModels(),
	openModelOf?: ModelOf,
): Promise<{ok: true; inputs: AccountAnswerInput[]} | AccessError> => {
	const inputs: AccountAnswerInput[] = [];
	for (const {account, load} of opened.accounts) {
		const base = {accountId: account.id, accountName: account.name};
		if (load.kind === 'skipped') inputs.push({...base, error: load.reason, skipped: true});
		else if (load.kind === 'failed') inputs.push({...base, error: load.message});
		else {
			const model = modelOf(account.id, load.snapshot);
			const answer = await whoCan(model, action, resource);
			// The action catalogue is the same in every account: refused in one, refused in all.
			if (!answer.ok) return answer;
			if (!model.context) {
				inputs.push({...base, answer});
				continue;
			}
			const effects = await contextEffects(model, action, resource, answer, openModelOf?.(account.id, load.snapshot));
			inputs.push({...base, answer, contextChanged: effects.changed});
		}
	}
	return {ok: true, inputs};
};
