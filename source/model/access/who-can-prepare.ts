// Readies an access model for its first who-can query while the operator is still typing the action.
// The first query of a process otherwise pays for everything at once: who holds which statements
// (holders.ts), the catalogue of each service the policies name, the simulator's and this code's first
// runs, and who may assume each role (kept per model, whatever the action: role-assumers.ts). Done here
// in steps, with turns in between so keys and frames are not held up for long.
import {serviceActions} from './catalogue.js';
import {holderIndex} from './holders.js';
import type {AccessModel} from './model.js';
import {assumersFor} from './role-assumers.js';
import {rolesOf} from './roles.js';
import {statementsMatching, type StatementCatalogue} from './statements.js';
import {whoCan} from './who-can.js';

/** How long the warm-up works between turns (a frame is 16 ms). */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>(resolve => setTimeout(resolve, 0));

/**
 * An action of the service most statements name that some Allow grants: a query with a real answer,
 * so the code that builds answers runs hot. Not one a statement reading principal facts can match
 * (${aws:username}…): those are evaluated user by user, far from a cheap warm-up.
 */
const warmUpAction = async (catalogue: StatementCatalogue): Promise<string | undefined> => {
	const services = [...catalogue.byService].filter(([service]) => service !== '*').sort((a, b) => b[1].length - a[1].length);
	for (const [service] of services.slice(0, 3)) {
		for (const action of await serviceActions(service)) {
			const matching = statementsMatching(catalogue, action);
			if (matching.some(s => s.effect === 'Allow') && !matching.some(s => s.usesFacts)) return action;
		}
	}
	return undefined;
};

/** Every step is one the first query would take anyway; none changes an answer. Stops when `signal` aborts. */
export const prepareWhoCan = async (model: AccessModel, signal?: AbortSignal): Promise<void> => {
	// Built already: a query (or an earlier call) has been here.
	if (model.whoCanIndex) return;
	await nextTurn();
	if (signal?.aborted) return;
	const {catalogue} = holderIndex(model);
	for (const service of catalogue.byService.keys()) {
		if (service === '*') continue;
		await nextTurn();
		if (signal?.aborted) return;
		await serviceActions(service);
	}
	const action = await warmUpAction(catalogue);
	await nextTurn();
	if (action && !signal?.aborted) await whoCan(model, action);
	// Who may assume each role: what a query's role paths spend most of their time on. A turn every few
	// milliseconds, not every role: a turn costs a millisecond, and an account has up to a thousand roles.
	let since = performance.now();
	for (const role of rolesOf(model)) {
		if (performance.now() - since > SLICE_MS) {
			await nextTurn();
			if (signal?.aborted) return;
			since = performance.now();
		}
		await assumersFor(model, role);
	}
};
