// The policy wizard's logic without React: which fields a target needs, what is wrong with what the
// operator typed (per field), the JSON to preview with its problems, and the plan at the end.
import {nonEmpty} from '../../model/connection.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {checkPolicyDocument, type PolicyKind} from '../../model/policy-document.js';
import {planPutInlinePolicy} from '../../model/plans/inline-policies.js';
import {planCreatePolicy} from '../../model/plans/policies.js';
import {planPutRolePolicy} from '../../model/plans/roles.js';
import type {PrincipalRef} from '../../model/plans/steps.js';
import type {Plan} from '../../model/plans/types.js';
import {renderTemplate, type PolicyTemplate} from '../../model/templates.js';
import {checkInlinePolicyName, checkPath, checkPolicyDescription, checkPolicyName} from '../../model/validate.js';

/** What the wizard makes: a customer managed policy (maybe attached at once), or an inline policy of a user or group. */
export type PolicyWizardTarget = {kind: 'managed'; attachTo?: PrincipalRef} | {kind: 'inline'; owner: PrincipalRef | {kind: 'role'; name: string}};

export interface WizardField {
	id: string;
	label: string;
	placeholder?: string;
	/** Shown under the field: what it is for, an example. */
	hint?: string;
}

export type FieldValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

/** Template parameters live in the same form as the name: their field ids carry this prefix. */
const PARAM = 'param:';

export const documentKind = (target: PolicyWizardTarget): PolicyKind =>
	target.kind === 'managed' ? 'managed' : target.owner.kind === 'user' ? 'user-inline' : target.owner.kind === 'role' ? 'role-inline' : 'group-inline';

/** lightsail-full-access → LightsailFullAccessPolicy: a name in IAM's habits, editable. */
export const suggestedName = (template: PolicyTemplate): string => {
	const words = template.id.split(/[^A-Za-z0-9]+/).filter(Boolean);
	const name = words.map(w => w.charAt(0).toUpperCase() + w.slice(1)).join('');
	return name.endsWith('Policy') ? name : `${name}Policy`;
};

export const wizardFields = (target: PolicyWizardTarget, template: PolicyTemplate): WizardField[] => [
	{id: 'name', label: target.kind === 'managed' ? 'Policy name' : 'Inline policy name', hint: "letters, digits and + = , . @ _ -; IAM ignores case when comparing names"},
	...(target.kind === 'managed'
		? [
				{id: 'path', label: 'Path', placeholder: '/', hint: 'optional: "/" or e.g. /tools/'},
				{id: 'description', label: 'Description', placeholder: 'optional', hint: 'optional, up to 1000 characters; cannot be changed later'},
			]
		: []),
	...template.parameters.map(p => ({
		id: `${PARAM}${p.name}`,
		label: p.name,
		...(p.example === undefined ? {} : {placeholder: `e.g. ${p.example}`}),
		hint: p.description,
	})),
];

export const initialValues = (target: PolicyWizardTarget, template: PolicyTemplate): FieldValues =>
	Object.fromEntries(wizardFields(target, template).map(f => [f.id, f.id === 'name' ? suggestedName(template) : '']));

const parameterValues = (template: PolicyTemplate, values: FieldValues): Record<string, string> =>
	Object.fromEntries(template.parameters.map(p => [p.name, (values[`${PARAM}${p.name}`] ?? '').trim()]));

/** Name, path and description as IAM checks them. */
const detailErrors = (target: PolicyWizardTarget, values: FieldValues): FieldErrors => {
	const errors: FieldErrors = {};
	const name = values['name'] ?? '';
	const nameProblem = target.kind === 'managed' ? checkPolicyName(name) : checkInlinePolicyName(name);
	if (nameProblem) errors['name'] = nameProblem;
	const path = nonEmpty(values['path']);
	const pathProblem = path === undefined ? null : checkPath(path);
	if (pathProblem) errors['path'] = pathProblem;
	const descriptionProblem = checkPolicyDescription(values['description'] ?? '');
	if (descriptionProblem) errors['description'] = descriptionProblem;
	return errors;
};

export type RenderedPolicy = {
	/** The document as it will be sent, pretty-printed for the preview (placeholders filled). */
	text: string;
	/** The compact JSON to send, when it has no problems. */
	document?: string;
	/** What IAM would refuse in the document, one sentence each. */
	problems: string[];
};

export type WizardCheck = {ok: true; rendered: RenderedPolicy} | {ok: false; errors: FieldErrors};

/** The document with the values in place, as text: JSON-escaped values replace `${name}` placeholders. */
const filledText = (template: PolicyTemplate, parameters: Record<string, string>): string => {
	const pretty = JSON.stringify(template.document, null, 2);
	return pretty.replace(/\$\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) =>
		name in parameters ? JSON.stringify(parameters[name]).slice(1, -1) : whole,
	);
};

/**
 * Check the form: field errors (name, path, description, each parameter: missing or not matching its
 * pattern) keep the operator on the form; otherwise the rendered document and its problems, for the preview.
 */
export const checkWizard = (target: PolicyWizardTarget, template: PolicyTemplate, values: FieldValues): WizardCheck => {
	const errors = detailErrors(target, values);
	const parameters = parameterValues(template, values);
	const result = renderTemplate(template, parameters);
	const documentProblems: string[] = [];
	if (!result.ok) {
		for (const problem of result.problems) {
			const field = /^Parameter "([A-Za-z][A-Za-z0-9_]*)"/.exec(problem)?.[1];
			if (field) errors[`${PARAM}${field}`] = problem;
			else documentProblems.push(problem);
		}
	}
	if (Object.keys(errors).length > 0) return {ok: false, errors};
	const text = filledText(template, parameters);
	if (!result.ok) return {ok: true, rendered: {text, problems: documentProblems}};
	// renderTemplate checks a managed policy; an inline one has its own (smaller) size limit.
	const kind = documentKind(target);
	const checked = kind === 'managed' ? result : checkPolicyDocument(result.document, kind);
	return {ok: true, rendered: checked.ok ? {text, document: checked.document, problems: []} : {text, problems: checked.problems}};
};

/** The plan: create the managed policy (attached to `attachTo` in the same plan), or put the inline one. */
export const buildPolicyPlan = (
	index: SnapshotIndex,
	accountId: string,
	target: PolicyWizardTarget,
	values: FieldValues,
	document: string,
	attachTo?: PrincipalRef,
): Plan => {
	const name = (values['name'] ?? '').trim();
	if (target.kind === 'inline')
		return target.owner.kind === 'role'
			? planPutRolePolicy(index, {role: target.owner.name, policyName: name, document})
			: planPutInlinePolicy(index, {target: target.owner, policyName: name, document});
	const path = nonEmpty(values['path']);
	const description = nonEmpty(values['description']);
	const to = attachTo ?? target.attachTo;
	return planCreatePolicy(index, accountId, {
		name,
		document,
		...(path ? {path} : {}),
		...(description ? {description} : {}),
		...(to ? {attachTo: to} : {}),
	});
};

/** The template's own notes, then where it comes from: the confirmation shows them with the plan. */
export const templateNotes = (template: PolicyTemplate): string[] => [
	`From template "${template.title}" (${template.source}).`,
	...template.notes,
];
