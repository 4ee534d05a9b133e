// What access models can share: policy texts read and validated once, distinct statements numbered once,
// and the simulator's answers for sets of distinct statements. One model has its own; the accounts of an
// organization share one, as they carry the same policies (AWS managed ones, those Identity Center
// provisions, the organization's own templates) and each account would otherwise read and simulate them
// again. An answer on statements alone reads nothing of the principal (statements reading principal facts
// never take this road); one whose statements name an account or an organization is kept per account.
import {evaluate, type EvalAnswer, type EvalFailure, type EvalPolicy, type StatementValidations} from './evaluator.js';
import type {AccessModel, ReadDocument} from './model.js';
import {emptyCatalogue, type StatementCatalogue} from './statements.js';

export interface SharedKnowledge {
	/** Policy text → the document read from it. */
	documents: Map<string, ReadDocument | {error: string}>;
	/** Statements validated so far (policies repeat the same statements). */
	validations: StatementValidations;
	/** Distinct statements: their ids key `answers` (and ReadDocument.statementIds point into it). */
	catalogue: StatementCatalogue;
	/** Statement ids | action | resource | account when read | context → the simulator's answer. */
	answers: Map<string, Promise<EvalAnswer | EvalFailure>>;
}

export const sharedKnowledge = (): SharedKnowledge => ({documents: new Map(), validations: new Map(), catalogue: emptyCatalogue(), answers: new Map()});

/** The simulator's answer for the distinct statements `ids` (as `policies`) alone, kept in the model's knowledge. */
export const statementsAnswer = (model: AccessModel, ids: number[], policies: EvalPolicy[], principalArn: string, action: string, resource: string): Promise<EvalAnswer | EvalFailure> => {
	const {catalogue, answers} = model.knowledge;
	const account = ids.some(id => catalogue.all[id]!.readsAccount) ? model.accountId : '';
	const key = `${ids.join(',')}|${action}|${resource}|${account}|${model.context ? JSON.stringify(model.context) : ''}`;
	let answer = answers.get(key);
	if (!answer) {
		answer = evaluate({principalArn, accountId: model.accountId, action, resource, policies, ...(model.context ? {context: model.context} : {})});
		answers.set(key, answer);
	}
	return answer;
};
