// Headless `iamtui create-policy NAME --template T [--param k=v]… [--path P] [--description D]
// [--group G | --user U]`: a customer managed policy rendered from a template (an id from templates/
// or a JSON file) and checked before anything is sent, optionally attached in the same plan.
import {IamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planCreatePolicy} from '../model/plans/policies.js';
import {actorOf, runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {principalFlag, renderPolicyTemplate, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

const USAGE = 'usage: iamtui create-policy NAME --template T [--param k=v]… [--path P] [--description D] [--group G | --user U]';

export const createPolicyCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [name] = args;
		if (!name || args.length > 1) throw usageError('create-policy needs one policy name', USAGE);
		const {flags} = options;
		if (!flags.template) throw usageError('create-policy needs --template T (a template id or a JSON file)', USAGE);
		const attachTo = principalFlag(flags, 'create-policy', false);
		const rendered = await renderPolicyTemplate(flags.template, flags.params, 'managed');
		// The new policy's ARN names the account: it comes from the caller's identity.
		const {account} = await actorOf(gateway, options.settings);
		if (!account) throw new IamError('Credentials', 'cannot tell which account this profile opens (sts:GetCallerIdentity failed)', 'check the profile with: aws sts get-caller-identity');
		const before = buildIndex(await gateway.loadSnapshot());
		const plan = planCreatePolicy(before, account, {
			name,
			document: rendered.document,
			...(flags.path === undefined ? {} : {path: flags.path}),
			...(flags.description === undefined ? {} : {description: flags.description}),
			...(attachTo ? {attachTo} : {}),
		});
		plan.notes = [`From the template "${rendered.title}".`, ...rendered.notes, ...(plan.notes ?? [])];
		return runPlanCommand(gateway, plan, 'create-policy', {...options, before});
	});
