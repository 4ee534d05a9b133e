// Create a group: its name and path, then (optionally) the managed policies to attach at once —
// space marks them, enter goes on (nothing marked: none). The plan goes to onPlan for the confirmation.
import {Box} from 'ink';
import {useMemo, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {planCreateGroup} from '../../model/plans/groups.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import {checkGroupName, checkPath} from '../../model/validate.js';
import type {Column} from '../components/Table.js';
import {ToneText} from '../components/ToneText.js';
import {attachablePolicies, filterPolicyChoices, type PolicyChoice} from './attachable-policies.js';
import {awsManagedNote, type AwsManagedList} from '../hooks/aws-managed.js';
import {ListScreen} from './ListScreen.js';
import type {FieldErrors, FieldValues, WizardField} from './policy-wizard.js';
import {WizardForm} from './WizardForm.js';

const fields: WizardField[] = [
	{id: 'name', label: 'Group name', placeholder: 'e.g. LightsailFullAccessGroup', hint: 'letters, digits and + = , . @ _ - (up to 128); IAM ignores case when comparing names'},
	{id: 'path', label: 'Path', placeholder: '/', hint: 'optional: "/" or e.g. /teams/'},
];

interface Row extends PolicyChoice {
	marked: boolean;
}

const columns: Array<Column<Row>> = [
	{id: 'mark', header: ' ', width: 1, cell: r => (r.marked ? '✓' : ' ')},
	{id: 'name', header: 'POLICY', width: 20, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'type', header: 'TYPE', width: 8, cell: r => r.type},
	{id: 'detail', header: 'ABOUT', width: 12, grow: true, dropOrder: 1, cell: r => r.detail},
];

const request = (values: FieldValues, policyArns: string[] = []) => {
	const path = values['path']?.trim();
	return {name: values['name'] ?? '', ...(path ? {path} : {}), policyArns};
};

export function NewGroupWizard(props: {
	index: SnapshotIndex;
	/** Every AWS managed policy, read while the name is typed (a common few when it cannot be read). */
	awsManaged: AwsManagedList;
	onPlan: (plan: Plan) => void;
	onCancel: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {index, awsManaged} = props;
	const [step, setStep] = useState<'details' | 'policies'>('details');
	const [values, setValues] = useState<FieldValues>({name: '', path: ''});
	const [errors, setErrors] = useState<FieldErrors>({});
	const [formError, setFormError] = useState<string | undefined>();
	const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
	const [planError, setPlanError] = useState<string | undefined>();
	const choices = useMemo(() => attachablePolicies(index, new Set(), awsManaged.status === 'ok' ? awsManaged.policies : undefined), [index, awsManaged]);
	const rows = useMemo(() => choices.map(c => ({...c, marked: marked.has(c.arn)})), [choices, marked]);

	if (step === 'details')
		return (
			<WizardForm
				title="Create a group"
				fields={fields}
				values={values}
				errors={errors}
				{...(formError ? {formError} : {})}
				onChange={(id, value) => {
					setValues(current => ({...current, [id]: value}));
					setErrors(current => Object.fromEntries(Object.entries(current).filter(([field]) => field !== id)));
					setFormError(undefined);
				}}
				onSubmit={() => {
					const path = values['path']?.trim();
					const found: FieldErrors = {};
					const nameProblem = checkGroupName(values['name'] ?? '');
					if (nameProblem) found['name'] = nameProblem;
					const pathProblem = path ? checkPath(path) : null;
					if (pathProblem) found['path'] = pathProblem;
					setErrors(found);
					if (nameProblem) return 'name';
					if (pathProblem) return 'path';
					try {
						// Planned once without policies: a name that exists is refused here, before the picking.
						planCreateGroup(index, request(values));
					} catch (error) {
						setFormError(describeError(error));
						return 'name';
					}
					setStep('policies');
					return undefined;
				}}
				onCancel={props.onCancel}
				focused={props.focused}
				width={props.width}
			/>
		);

	const toggle = (row: Row | undefined) => {
		if (!row) return;
		setMarked(current => {
			const next = new Set(current);
			if (next.has(row.arn)) next.delete(row.arn);
			else next.add(row.arn);
			return next;
		});
	};
	const choose = () => {
		// Keep the list's order, not the order of marking.
		const arns = choices.filter(c => marked.has(c.arn)).map(c => c.arn);
		try {
			props.onPlan(planCreateGroup(index, request(values, arns)));
		} catch (error) {
			setPlanError(describeError(error));
		}
	};
	const name = values['name'] ?? '';
	return (
		<Box flexDirection="column">
			{planError ? <ToneText tone="error" wrap="wrap">{sanitize(planError)}</ToneText> : null}
			<ListScreen
				scope="write-wizard"
				title={`Policies to attach to ${name}: space marks, enter continues${marked.size > 0 ? ` with ${marked.size} marked` : ' (none marked: none)'}${awsManagedNote(awsManaged)}`}
				rows={rows}
				rowKey={r => r.arn}
				columns={columns}
				filter={filterPolicyChoices}
				actions={{mark: toggle, choose}}
				onBack={() => setStep('details')}
				focused={props.focused}
				width={props.width}
				height={props.height - (planError ? 2 : 0)}
			/>
		</Box>
	);
}
