// Headless add-to-group / remove-from-group: the same plan, preview, executor and journal as the TUI.
// The plan is run by runPlanCommand (dry run, confirmation, journal, report).
import {IamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planMembership} from '../model/plans/group-membership.js';
import {planThroughRoles} from '../model/plans/preview-roles.js';
import {runPlanCommand, type WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';

export const membershipCommand = async (
	gateway: IamGateway,
	change: 'add' | 'remove',
	args: string[],
	options: WriteOptions,
): Promise<CommandResult> => {
	const command = change === 'add' ? 'add-to-group' : 'remove-from-group';
	const [user, group] = args;
	if (!user || !group || args.length > 2) {
		throw new IamError('Invalid', `${command} needs a user and a group`, `usage: iamtui ${command} USER GROUP${change === 'remove' ? ' --yes' : ''}`);
	}
	const before = buildIndex(await gateway.loadSnapshot());
	// The preview says the roles the change takes or gives, and what a removal still reaches through one.
	const plan = await planThroughRoles(before, planMembership(before, {change, group, users: [user]}));
	return runPlanCommand(gateway, plan, command, {...options, before});
};
