// W1's create-user wizard: who (name, path, tags), access (console password, access key), groups.
// Each field is checked as it is typed, with IAM's rules and the account's password policy (read once
// when the wizard opens); an invalid step does not go on. The last step builds the plan — nothing is
// sent here: the plan's confirmation comes next. A generated password exists only from that moment,
// as a Secret inside the plan; a typed one becomes a Secret then too.
import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {PasswordPolicy} from '../../model/gateway.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {generatePassword} from '../../model/password.js';
import {planCreateUser} from '../../model/plans/create-user.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import {Secret} from '../../model/secret.js';
import {clamp} from '../components/list-window.js';
import {truncate} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import {ToneText} from '../components/ToneText.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {fieldStepCommands} from '../components/use-field-step.js';
import {useCommands} from '../hooks/keyboard.js';
import {
	consoleChoiceText,
	emptyForm,
	fieldsOf,
	formProblems,
	nextConsoleChoice,
	stepProblems,
	steps,
	toggleGroup,
	toRequest,
	type CreateUserForm,
	type FieldId,
} from './create-user-form.js';
import {CreateUserGroupsStep, useGroupsStep} from './CreateUserGroupsStep.js';
import {ChoiceValue, FieldRow, labelColumn} from './form-fields.js';
import {policyOf, policyText, usePasswordPolicy} from './password-policy.js';

const labels: Record<FieldId, string> = {
	name: 'User name',
	path: 'Path',
	tags: 'Tags',
	console: 'Console access',
	typedPassword: 'Password',
	resetRequired: 'Reset at next sign-in',
	accessKey: 'Access key',
	groups: 'Groups',
};

const placeholders: Partial<Record<FieldId, string>> = {
	name: 'e.g. ana.silva',
	tags: 'optional: key=value, key=value',
	typedPassword: 'type it; it shows as bullets',
};

export interface CreateUserWizardProps {
	index: SnapshotIndex;
	/** GetAccountPasswordPolicy; null: the account has none, IAM's defaults apply. */
	loadPasswordPolicy: () => Promise<PasswordPolicy | null>;
	randomBytes: (size: number) => Uint8Array;
	/** The plan, ready for its confirmation. */
	onPlan: (plan: Plan) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}

export function CreateUserWizard(props: CreateUserWizardProps) {
	const {index} = props;
	const [form, setForm] = useState<CreateUserForm>(emptyForm);
	const [stepAt, setStepAt] = useState(0);
	const [active, setActive] = useState(0);
	const [touched, setTouched] = useState<ReadonlySet<FieldId>>(new Set());
	const [attempted, setAttempted] = useState<ReadonlySet<number>>(new Set());
	const [planError, setPlanError] = useState<string | undefined>();
	const policy = usePasswordPolicy(props.loadPasswordPolicy);

	const step = steps[stepAt]!;
	const fields = fieldsOf(step.id, form);
	const field = fields[clamp(active, 0, fields.length - 1)]!;
	const existingUsers = useMemo(() => [...index.userByName.keys()], [index]);
	const problems = formProblems(form, {existingUsers, policy: policyOf(policy)});
	const groups = useGroupsStep(index, props.height);

	const shown = (id: FieldId) => (touched.has(id) || attempted.has(stepAt) ? problems[id] : undefined);
	const edit = (id: FieldId, change: Partial<CreateUserForm>) => {
		setForm(current => ({...current, ...change}));
		setTouched(current => new Set(current).add(id));
		setPlanError(undefined);
	};

	const build = () => {
		const badStep = steps.findIndex(s => stepProblems(s.id, form, problems).length > 0);
		if (badStep >= 0) {
			setStepAt(badStep);
			setAttempted(current => new Set(current).add(badStep));
			setActive(Math.max(0, fieldsOf(steps[badStep]!.id, form).indexOf(stepProblems(steps[badStep]!.id, form, problems)[0]!)));
			return;
		}
		if (form.console !== 'none' && policy.status === 'loading') {
			setPlanError('Still reading the account’s password policy — press enter again in a moment.');
			return;
		}
		let password: Secret | null = null;
		try {
			if (form.console === 'generated') password = new Secret(generatePassword(policyOf(policy), props.randomBytes));
			else if (form.console === 'typed') password = new Secret(form.typedPassword, {typed: true});
			const plan = planCreateUser(index, toRequest(form, password));
			setForm(current => ({...current, typedPassword: ''}));
			props.onPlan(plan);
		} catch (error) {
			password?.wipe();
			setPlanError(describeError(error));
		}
	};

	const nextStep = () => {
		if (stepProblems(step.id, form, problems).length > 0) {
			setAttempted(current => new Set(current).add(stepAt));
			setActive(fields.indexOf(stepProblems(step.id, form, problems)[0]!));
			return;
		}
		if (stepAt === steps.length - 1) return build();
		setStepAt(stepAt + 1);
		setActive(0);
	};
	const formNext = () => {
		// Enter on a field IAM would refuse says why and stays there.
		if (problems[field]) return setTouched(current => new Set(current).add(field));
		if (step.id !== 'groups' && active < fields.length - 1) setActive(active + 1);
		else nextStep();
	};
	const formBack = () => {
		setPlanError(undefined);
		if (step.id === 'groups' && groups.query) return groups.dropQuery();
		if (stepAt === 0) props.onBack();
		else {
			setStepAt(stepAt - 1);
			setActive(0);
		}
	};

	const toggle = () => {
		if (field === 'console') edit('console', {console: nextConsoleChoice(form.console)});
		else if (field === 'resetRequired') edit('resetRequired', {resetRequired: !form.resetRequired});
		else if (field === 'accessKey') edit('accessKey', {accessKey: !form.accessKey});
		else if (field === 'groups' && groups.current) edit('groups', toggleGroup(form, groups.current.name, groups.order));
	};
	useCommands(
		'wizard',
		{
			...(step.id === 'groups' ? {'next-field': () => groups.move(1), 'previous-field': () => groups.move(-1)} : fieldStepCommands(setActive, fields.length)),
			'toggle-choice': toggle,
			'form-next': formNext,
			'form-back': formBack,
			...(step.id === 'groups' ? {filter: groups.startFilter} : {}),
		},
		props.focused,
	);

	// The footer follows the field: a text field owns the printable keys, a choice field changes with space.
	const textField = field === 'name' || field === 'path' || field === 'tags' || field === 'typedPassword';
	useFooterScope(step.id === 'groups' ? undefined : textField ? 'form' : 'choice', props.focused);

	const text = (id: 'name' | 'path' | 'tags') => (
		<TextField
			value={form[id]}
			onChange={value => edit(id, {[id]: value})}
			onSubmit={formNext}
			onCancel={formBack}
			focused={props.focused && field === id}
			placeholder={placeholders[id]}
		/>
	);
	const value = (id: FieldId) => {
		const on = props.focused && field === id;
		switch (id) {
			case 'name':
			case 'path':
			case 'tags':
				return text(id);
			case 'typedPassword':
				return (
					<TextField mask
						value={form.typedPassword}
						onChange={typed => edit('typedPassword', {typedPassword: typed})}
						onSubmit={formNext}
						onCancel={formBack}
						focused={on}
						placeholder={placeholders.typedPassword}
					/>
				);
			case 'console':
				return <ChoiceValue text={consoleChoiceText[form.console]} active={on} />;
			case 'resetRequired':
				return <ChoiceValue text={form.resetRequired ? 'yes (and attach IAMUserChangePassword, as the console does)' : 'no'} active={on} />;
			case 'accessKey':
				return <ChoiceValue text={form.accessKey ? 'yes: create one (its secret is shown once)' : 'no'} active={on} />;
			default:
				return <Text>{form.groups.join(', ') || 'none'}</Text>;
		}
	};

	const line = (content: string) => truncate(sanitize(content), Math.max(1, props.width - 1));
	let body;
	if (step.id === 'groups') {
		body = <CreateUserGroupsStep groups={groups} marked={form.groups} problem={shown('groups')} focused={props.focused} width={props.width} line={line} />;
	} else {
		body = (
			<Box flexDirection="column">
				{fields.map(id => (
					<FieldRow key={id} label={labels[id]} labelWidth={labelColumn(Object.values(labels), props.width)} active={props.focused && field === id} problem={shown(id)}>
						{value(id)}
					</FieldRow>
				))}
				{step.id === 'user' ? <ToneText tone="muted">{line('Path: "/" or e.g. /engineering/ · tags: key=value, separated by commas')}</ToneText> : null}
				{step.id === 'access' && form.console !== 'none' ? <ToneText tone="muted" wrap="wrap">{sanitize(policyText(policy))}</ToneText> : null}
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{line(`Create a user · step ${stepAt + 1} of ${steps.length}: ${step.title}`)}</Text>
			{stepAt > 0 ? <ToneText tone="muted">{line(`${form.name} · path ${form.path}${form.tags.trim() ? ` · tags ${form.tags.trim()}` : ''}`)}</ToneText> : null}
			{body}
			{planError ? (
				<ToneText tone="error" wrap="wrap">
					{sanitize(`Cannot plan this: ${planError} (nothing was sent)`)}
				</ToneText>
			) : null}
			<ToneText tone="muted">{line(`tab/↓ next field${textField ? '' : step.id === 'groups' ? ' · space mark · / filter' : ' · space change'} · enter ${stepAt === steps.length - 1 ? 'show the plan' : 'next'} · esc ${stepAt === 0 ? 'cancel' : 'back'}`)}</ToneText>
		</Box>
	);
}
