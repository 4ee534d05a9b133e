// Headless group writes of W3's recipe: `iamtui create-group NAME [--path P]` (`iam-groupcreate`) and
// `iamtui put-group-policy GROUP NAME (--template T [--param k=v]… | --file F)` (`iam-groupuploadpolicy`):
// an inline policy from a template or a JSON file, checked against IAM's inline limits before it is sent.
// Replacing an existing inline policy may take access away: it needs --yes without a terminal.
import path from 'node:path';
import type {IamGateway} from '../model/gateway.js';
import {buildIndex} from '../model/indexes.js';
import {planCreateGroup} from '../model/plans/groups.js';
import {planPutInlinePolicy} from '../model/plans/inline-policies.js';
import {runPlanCommand} from './plan-command.js';
import type {CommandResult} from './result.js';
import {renderPolicyTemplate, usageError, withUsageErrors, type WriteCommandOptions} from './write-args.js';

export const createGroupCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [name] = args;
		if (!name || args.length > 1) throw usageError('create-group needs one group name', 'usage: iamtui create-group NAME [--path P]');
		const groupPath = options.flags.path;
		const before = buildIndex(await gateway.loadSnapshot());
		const plan = planCreateGroup(before, {name, ...(groupPath === undefined ? {} : {path: groupPath})});
		return runPlanCommand(gateway, plan, 'create-group', {...options, before});
	});

const PUT_USAGE = 'usage: iamtui put-group-policy GROUP NAME (--template T [--param k=v]… | --file F)';

export const putGroupPolicyCommand = (gateway: IamGateway, args: string[], options: WriteCommandOptions): Promise<CommandResult> =>
	withUsageErrors(async () => {
		const [group, policyName] = args;
		if (!group || !policyName || args.length > 2) throw usageError('put-group-policy needs a group and a policy name', PUT_USAGE);
		const {template, file, params} = options.flags;
		if (template && file) throw usageError('put-group-policy takes --template or --file, not both', PUT_USAGE);
		if (!template && !file) throw usageError('put-group-policy needs the policy: --template T or --file F', PUT_USAGE);
		if (file && params.length > 0) throw usageError('--param fills a --template; a --file is sent as it is', PUT_USAGE);
		// A file is a template without parameters or a bare policy document; loadTemplate reads both.
		const rendered = await renderPolicyTemplate(template ?? path.resolve(file!), params, 'group-inline');
		const before = buildIndex(await gateway.loadSnapshot());
		const plan = planPutInlinePolicy(before, {target: {kind: 'group', name: group}, policyName, document: rendered.document});
		plan.notes = [`From ${template ? `the template "${rendered.title}"` : file}.`, ...rendered.notes, ...(plan.notes ?? [])];
		return runPlanCommand(gateway, plan, 'put-group-policy', {...options, before});
	});
