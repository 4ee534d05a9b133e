// What the headless write commands share about their command line: key=value flags (--tag, --param),
// the one principal a policy goes to (--user U | --group G), templates rendered from --template and
// --param, and usage errors. A usage error (the command line or the input it names is wrong) exits 64
// before anything is sent; what the account refuses (a name taken, a limit) stays a failure (exit 3).
import {describeError, IamError, isIamError} from '../model/errors.js';
import type {IamGateway} from '../model/gateway.js';
import {signInUrl} from '../model/password.js';
import type {PolicyKind} from '../model/policy-document.js';
import {checkPolicyDocument} from '../model/policy-document.js';
import type {PrincipalRef} from '../model/plans/steps.js';
import type {Tag} from '../model/snapshot.js';
import {renderTemplate} from '../model/templates.js';
import {loadTemplate} from '../store/template-files.js';
import {actorOf, EXIT_USAGE, type WriteOptions} from './plan-command.js';
import type {CommandResult} from './result.js';
import type {WriteFlags} from './headless-options.js';
import type {SecretFlags} from './secret-delivery.js';

/** What every write command of this family gets: the run options, its flags, where secrets go. */
export interface WriteCommandOptions extends WriteOptions {
	flags: WriteFlags;
	secrets: SecretFlags;
}

/** The console sign-in URL of the account the gateway opens (by alias when it has one), for the CSV. */
export const accountSignInUrl = (gateway: IamGateway, settings: WriteOptions['settings']) => async (): Promise<string> => {
	const actor = await actorOf(gateway, settings);
	return signInUrl(actor.account ?? 'unknown-account', await gateway.accountAlias().catch(() => null));
};

/** The command line is wrong: exit 64, nothing sent. */
export const usageError = (message: string, hint: string): IamError => new IamError('Invalid', message, hint, 'Usage');

/**
 * Runs a command; an Invalid error thrown before the plan runs (bad arguments, names, parameters,
 * files) becomes a usage result (exit 64). Other errors keep their way to the CLI (exit 3).
 */
export const withUsageErrors = async (run: () => Promise<CommandResult>): Promise<CommandResult> => {
	try {
		return await run();
	} catch (error) {
		if (isIamError(error) && error.kind === 'Invalid') return {stdout: '', stderr: `iamtui: ${describeError(error)}\n`, exitCode: EXIT_USAGE};
		throw error;
	}
};

/** --tag / --param values: "key=value" each (the value may hold "="); a key given twice is refused. */
export const parsePairs = (flag: string, values: readonly string[]): Array<[string, string]> => {
	const pairs: Array<[string, string]> = [];
	for (const value of values) {
		const at = value.indexOf('=');
		const key = at < 0 ? '' : value.slice(0, at).trim();
		if (!key) throw usageError(`--${flag} "${value}" is not key=value`, `write it as --${flag} name=value`);
		if (pairs.some(([k]) => k === key)) throw usageError(`--${flag} ${key} is given twice`, `give each ${flag} once`);
		pairs.push([key, value.slice(at + 1)]);
	}
	return pairs;
};

export const parseTags = (values: readonly string[]): Tag[] => parsePairs('tag', values).map(([Key, Value]) => ({Key, Value}));

/** --user U or --group G, exactly one of them (create-policy: optional). */
export const principalFlag = (flags: {user?: string; groups: readonly string[]}, command: string, required: boolean): PrincipalRef | undefined => {
	const choices: PrincipalRef[] = [
		...(flags.user ? [{kind: 'user' as const, name: flags.user}] : []),
		...flags.groups.map(name => ({kind: 'group' as const, name})),
	];
	if (choices.length > 1) throw usageError(`${command} takes one --user or one --group, not ${choices.length}`, `run ${command} once per user or group`);
	if (required && choices.length === 0) throw usageError(`${command} needs --user USER or --group GROUP`, `usage: iamtui ${command} (--user U | --group G) POLICY`);
	return choices[0];
};

/**
 * --template T (an id from templates/, or a JSON file: a template or a bare policy document) filled with
 * --param values and checked for `kind`; a missing or invalid parameter names itself, its description
 * and its example.
 */
export const renderPolicyTemplate = async (templateRef: string, params: readonly string[], kind: PolicyKind): Promise<{title: string; document: string; notes: string[]}> => {
	const template = await loadTemplate(templateRef).catch((error: unknown) => {
		// An unknown template or file is a mistake on the command line.
		if (isIamError(error) && error.kind === 'NotFound') throw usageError(error.message, error.hint);
		throw error;
	});
	// Without parameters the template is its document: checked for `kind` itself, so a refusal names the
	// limit that applies (an inline policy's, not a managed policy's) and points at the file to fix.
	const asIs = template.parameters.length === 0 && params.length === 0;
	const rendered = asIs ? checkPolicyDocument(JSON.stringify(template.document), kind) : renderTemplate(template, Object.fromEntries(parsePairs('param', params)));
	if (!rendered.ok) {
		const hint = asIs ? `fix the policy document in ${templateRef}` : `usage: --template ${templateRef} ${template.parameters.map(p => `--param ${p.name}=…`).join(' ')}`.trim();
		throw usageError(rendered.problems.join(' '), hint);
	}
	const checked = kind === 'managed' ? rendered : checkPolicyDocument(rendered.document, kind);
	if (!checked.ok) throw usageError(`the policy from template "${template.id}" is not valid here: ${checked.problems.join('; ')}`, 'use a managed policy (create-policy) for a larger document');
	return {title: template.title, document: checked.document, notes: template.notes};
};
