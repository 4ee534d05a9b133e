// The create-user wizard's form as plain data: its fields, what IAM would refuse in each (checked as
// the operator types), and the request it becomes. No React, so every rule is testable on its own.
import type {PasswordPolicy} from '../../model/gateway.js';
import {checkPassword} from '../../model/password.js';
import type {NewUserRequest} from '../../model/plans/create-user.js';
import {sameNameAs} from '../../model/plans/refuse.js';
import type {Secret} from '../../model/secret.js';
import type {Tag} from '../../model/snapshot.js';
import {checkPath, checkTags, checkUserName, MAX_GROUPS_PER_USER} from '../../model/validate.js';

export type ConsoleChoice = 'none' | 'generated' | 'typed';

export interface CreateUserForm {
	name: string;
	path: string;
	/** key=value pairs separated by commas (IAM tags cannot hold a comma). */
	tags: string;
	console: ConsoleChoice;
	/** Only while the operator types it; it becomes a Secret when the plan is built. */
	typedPassword: string;
	resetRequired: boolean;
	accessKey: boolean;
	groups: string[];
}

export type FieldId = 'name' | 'path' | 'tags' | 'console' | 'typedPassword' | 'resetRequired' | 'accessKey' | 'groups';

export const emptyForm: CreateUserForm = {
	name: '',
	path: '/',
	tags: '',
	console: 'none',
	typedPassword: '',
	resetRequired: true,
	accessKey: false,
	groups: [],
};

export interface Step {
	id: 'user' | 'access' | 'groups';
	title: string;
}

export const steps: Step[] = [
	{id: 'user', title: 'User: name, path, tags'},
	{id: 'access', title: 'Access: console password, access key'},
	{id: 'groups', title: 'Groups to join'},
];

/** The fields a step shows, in order (some only when they apply). */
export const fieldsOf = (step: Step['id'], form: CreateUserForm): FieldId[] => {
	if (step === 'user') return ['name', 'path', 'tags'];
	if (step === 'access')
		return ['console', ...(form.console === 'typed' ? (['typedPassword'] as const) : []), ...(form.console === 'none' ? [] : (['resetRequired'] as const)), 'accessKey'];
	return ['groups'];
};

const CONSOLE_ORDER: ConsoleChoice[] = ['none', 'generated', 'typed'];
export const nextConsoleChoice = (choice: ConsoleChoice): ConsoleChoice => CONSOLE_ORDER[(CONSOLE_ORDER.indexOf(choice) + 1) % CONSOLE_ORDER.length]!;

export const consoleChoiceText: Record<ConsoleChoice, string> = {
	none: 'none',
	generated: 'generated password (meets the account’s password policy)',
	typed: 'typed password',
};

/** "team=platform, cost-center=42" → tags; a pair without "=" is a problem, empty pairs are skipped. */
export const parseTags = (text: string): {tags: Tag[]; problem: string | null} => {
	const tags: Tag[] = [];
	for (const pair of text.split(',')) {
		const trimmed = pair.trim();
		if (!trimmed) continue;
		const at = trimmed.indexOf('=');
		if (at < 0) return {tags, problem: `the tag ${JSON.stringify(trimmed)} has no "=": write tags as key=value, separated by commas`};
		tags.push({Key: trimmed.slice(0, at).trim(), Value: trimmed.slice(at + 1).trim()});
	}
	return {tags, problem: checkTags(tags)};
};

export interface FormContext {
	/** The account's user names: IAM refuses a name that exists, ignoring case. */
	existingUsers: Iterable<string>;
	/** The account's password policy; null: IAM's defaults. */
	policy: PasswordPolicy | null;
}

const nameProblem = (name: string, existing: Iterable<string>): string | null => {
	const invalid = checkUserName(name);
	if (invalid) return invalid;
	const taken = sameNameAs(name, existing);
	if (!taken) return null;
	return taken === name ? `a user named ${taken} already exists` : `a user named ${taken} already exists, and IAM user names ignore case`;
};

/** Every field's problem, or none: what IAM would refuse, said before anything is sent. */
export const formProblems = (form: CreateUserForm, context: FormContext): Partial<Record<FieldId, string>> => {
	const found: Partial<Record<FieldId, string | null>> = {
		name: nameProblem(form.name, context.existingUsers),
		path: checkPath(form.path),
		tags: parseTags(form.tags).problem,
		typedPassword: form.console === 'typed' ? checkPassword(form.typedPassword, context.policy) : null,
		groups:
			form.groups.length > MAX_GROUPS_PER_USER
				? `${form.groups.length} groups marked; IAM puts a user in at most ${MAX_GROUPS_PER_USER}`
				: null,
	};
	return Object.fromEntries(Object.entries(found).filter(([, problem]) => problem)) as Partial<Record<FieldId, string>>;
};

/** The problems of one step's fields. */
export const stepProblems = (step: Step['id'], form: CreateUserForm, problems: Partial<Record<FieldId, string>>): FieldId[] =>
	fieldsOf(step, form).filter(field => problems[field]);

/** What planCreateUser takes; `password` is the Secret made for this plan (null without console access). */
export const toRequest = (form: CreateUserForm, password: Secret | null): NewUserRequest => ({
	name: form.name,
	...(form.path === '/' ? {} : {path: form.path}),
	tags: parseTags(form.tags).tags,
	console: form.console !== 'none' && password ? {password, passwordResetRequired: form.resetRequired} : null,
	accessKey: form.accessKey,
	groups: form.groups,
});

/** Marks or unmarks a group, keeping the account's order. */
export const toggleGroup = (form: CreateUserForm, group: string, order: string[]): CreateUserForm => {
	const marked = new Set(form.groups);
	if (marked.has(group)) marked.delete(group);
	else marked.add(group);
	return {...form, groups: order.filter(name => marked.has(name))};
};
