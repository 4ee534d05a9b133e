// The policy wizard: choose a template (or a JSON file) → fill its name and parameters → preview the
// JSON with what IAM would refuse → (a managed policy: attach it to a group or user, or not) → the
// plan, handed to onPlan for the confirmation. Nothing is sent from here.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import type {PrincipalRef} from '../../model/plans/steps.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import type {PolicyTemplate} from '../../model/templates.js';
import {scrollHandlers} from '../components/list-window.js';
import type {Column} from '../components/Table.js';
import {truncate} from '../components/text.js';
import {useCommands} from '../hooks/keyboard.js';
import {ListScreen} from './ListScreen.js';
import {buildPolicyPlan, checkWizard, initialValues, templateNotes, wizardFields, type FieldErrors, type FieldValues, type PolicyWizardTarget, type RenderedPolicy} from './policy-wizard.js';
import {TemplateStep} from './TemplateStep.js';
import {WizardForm} from './WizardForm.js';
import {ToneText} from '../components/ToneText.js';

type Step =
	| {name: 'template'}
	| {name: 'details'; template: PolicyTemplate}
	| {name: 'preview'; template: PolicyTemplate; rendered: RenderedPolicy}
	| {name: 'attach'; template: PolicyTemplate; document: string};

interface AttachRow {
	key: string;
	label: string;
	detail: string;
	to?: PrincipalRef;
}

const attachColumns: Array<Column<AttachRow>> = [
	{id: 'label', header: 'ATTACH TO', width: 20, grow: true, ellipsis: 'middle', cell: r => r.label},
	{id: 'detail', header: 'WHO', width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
];

const filterAttachRows = (rows: AttachRow[], query: string) => {
	const q = query.trim().toLowerCase();
	return q ? rows.filter(r => `${r.label} ${r.detail}`.toLowerCase().includes(q)) : rows;
};

export const wizardTitle = (target: PolicyWizardTarget): string =>
	target.kind === 'inline'
		? `Inline policy for ${target.owner.kind} ${target.owner.name}`
		: `New customer managed policy${target.attachTo ? ` for ${target.attachTo.kind} ${target.attachTo.name}` : ''}`;

export function PolicyFromTemplate(props: {
	target: PolicyWizardTarget;
	index: SnapshotIndex;
	/** For the new policy's ARN (attaching it in the same plan). */
	accountId: string;
	templates: {list(): Promise<PolicyTemplate[]>; load(idOrPath: string): Promise<PolicyTemplate>};
	onPlan: (plan: Plan) => void;
	onCancel: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {target, index} = props;
	const [step, setStep] = useState<Step>({name: 'template'});
	const [list, setList] = useState<{templates?: PolicyTemplate[]; error?: unknown}>({});
	const [values, setValues] = useState<FieldValues>({});
	const [errors, setErrors] = useState<FieldErrors>({});
	const [planError, setPlanError] = useState<string | undefined>();
	const {templates} = props;
	useEffect(() => {
		let live = true;
		templates.list().then(
			found => live && setList({templates: found}),
			(error: unknown) => live && setList({error}),
		);
		return () => {
			live = false;
		};
	}, [templates]);

	const title = wizardTitle(target);
	const plan = (template: PolicyTemplate, document: string, attachTo?: PrincipalRef) => {
		try {
			const built = buildPolicyPlan(index, props.accountId, target, values, document, attachTo);
			props.onPlan({...built, notes: [...templateNotes(template), ...(built.notes ?? [])]});
		} catch (error) {
			setPlanError(describeError(error));
		}
	};
	const common = {focused: props.focused, width: props.width, height: props.height};

	if (step.name === 'template')
		return (
			<TemplateStep
				{...common}
				title={`${title}: choose a template`}
				templates={list.templates}
				listError={list.error}
				load={templates.load}
				onChoose={template => {
					setValues(initialValues(target, template));
					setErrors({});
					setPlanError(undefined);
					setStep({name: 'details', template});
				}}
				onCancel={props.onCancel}
			/>
		);
	if (step.name === 'details') {
		const {template} = step;
		return (
			<WizardForm
				title={`${title} · template ${template.title}`}
				fields={wizardFields(target, template)}
				values={values}
				errors={errors}
				{...(planError ? {formError: planError} : {})}
				onChange={(id, value) => {
					setValues(current => ({...current, [id]: value}));
					setErrors(current => Object.fromEntries(Object.entries(current).filter(([field]) => field !== id)));
					setPlanError(undefined);
				}}
				onSubmit={() => {
					const check = checkWizard(target, template, values);
					if (!check.ok) {
						setErrors(check.errors);
						return wizardFields(target, template).find(f => check.errors[f.id])?.id;
					}
					setErrors({});
					const {document} = check.rendered;
					if (document !== undefined) {
						// Planned once now: a name that exists, or inline policies over IAM's size quota, are refused here.
						try {
							buildPolicyPlan(index, props.accountId, target, values, document);
						} catch (error) {
							setPlanError(describeError(error));
							return 'name';
						}
					}
					setStep({name: 'preview', template, rendered: check.rendered});
					return undefined;
				}}
				onCancel={() => setStep({name: 'template'})}
				focused={props.focused}
				width={props.width}
			/>
		);
	}
	if (step.name === 'preview')
		return (
			<PolicyPreview
				{...common}
				name={values['name'] ?? ''}
				rendered={step.rendered}
				planError={planError}
				onContinue={document => {
					setPlanError(undefined);
					if (target.kind === 'managed' && !target.attachTo) setStep({name: 'attach', template: step.template, document});
					else plan(step.template, document);
				}}
				onBack={() => {
					setPlanError(undefined);
					setStep({name: 'details', template: step.template});
				}}
			/>
		);
	return (
		<AttachStep
			{...common}
			index={index}
			name={values['name'] ?? ''}
			planError={planError}
			onChoose={to => plan(step.template, step.document, to)}
			onBack={() => {
				setPlanError(undefined);
				setStep({name: 'details', template: step.template});
			}}
		/>
	);
}

/** The rendered document, scrollable, with what IAM would refuse above it; enter continues only without problems. */
function PolicyPreview(props: {
	name: string;
	rendered: RenderedPolicy;
	planError: string | undefined;
	onContinue: (document: string) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {rendered} = props;
	const [top, setTop] = useState(0);
	const lines = useMemo(() => rendered.text.split('\n'), [rendered.text]);
	const chrome = 3 + rendered.problems.length + (props.planError ? 1 : 0);
	const visible = Math.max(1, props.height - chrome);
	const {document} = rendered;
	useCommands(
		'write-wizard',
		{
			...scrollHandlers(delta => setTop(current => Math.max(0, Math.min(current + delta, lines.length - visible))), visible),
			top: () => setTop(0),
			bottom: () => setTop(Math.max(0, lines.length - visible)),
			choose: () => document !== undefined && props.onContinue(document),
			back: props.onBack,
		},
		props.focused,
	);
	const count = rendered.problems.length;
	const start = Math.min(top, Math.max(0, lines.length - visible));
	// Problems that wrap take more lines than counted: cut the JSON at the bottom, never the footer.
	return (
		<Box flexDirection="column" height={props.height} overflow="hidden">
			<Text bold wrap="truncate-end">
				{truncate(sanitize(`Preview of ${props.name}${count > 0 ? ` — ${count} problem${count === 1 ? '' : 's'}: IAM would refuse it` : ' — valid'}`), props.width)}
			</Text>
			{rendered.problems.map((problem, n) => (
				<ToneText key={n} tone="error" wrap="wrap">
					{sanitize(problem)}
				</ToneText>
			))}
			{props.planError ? <ToneText tone="error" wrap="wrap">{sanitize(props.planError)}</ToneText> : null}
			{lines.slice(start, start + visible).map((text, n) => (
				<Text key={start + n} wrap="truncate-end">
					{truncate(sanitize(text), props.width)}
				</Text>
			))}
			<ToneText tone="muted" wrap="truncate-end">
				{count > 0 ? 'esc back to the form to fix it · ↑↓ scroll' : 'enter continues to the plan (nothing is sent yet) · ↑↓ scroll · esc back to the form'}
			</ToneText>
		</Box>
	);
}

/** A new managed policy can be attached in the same plan: to a group, a user, or nothing. */
function AttachStep(props: {
	index: SnapshotIndex;
	name: string;
	planError: string | undefined;
	onChoose: (to: PrincipalRef | undefined) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {index} = props;
	const rows = useMemo<AttachRow[]>(
		() => [
			{key: 'none', label: "Don't attach it now", detail: 'create the policy only'},
			...index.snapshot.groups.map(g => ({key: `group:${g.name}`, label: `group ${g.name}`, detail: (index.membersByGroup.get(g.name) ?? []).join(', '), to: {kind: 'group' as const, name: g.name}})),
			...index.snapshot.users.map(u => ({key: `user:${u.name}`, label: `user ${u.name}`, detail: u.groups.join(', '), to: {kind: 'user' as const, name: u.name}})),
		],
		[index],
	);
	return (
		<Box flexDirection="column">
			{props.planError ? <ToneText tone="error" wrap="wrap">{sanitize(props.planError)}</ToneText> : null}
			<ListScreen
				scope="write-wizard"
				title={`Attach ${props.name} to a group or a user?`}
				rows={rows}
				rowKey={r => r.key}
				columns={attachColumns}
				filter={filterAttachRows}
				actions={{choose: row => row && props.onChoose(row.to)}}
				onBack={props.onBack}
				focused={props.focused}
				width={props.width}
				height={props.height - (props.planError ? 2 : 0)}
			/>
		</Box>
	);
}
