// A signing certificate for a user (W3): from a PEM file (read and checked first; its warnings go on
// the plan's confirmation), or generated self-signed — the private key is written to a 0600 file the
// operator names and is never shown. Either way enter on the last field shows the upload plan.
import {Box, Text} from 'ink';
import {useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {Plan} from '../../model/plans/types.js';
import {sanitize} from '../../model/sanitize.js';
import type {GenerateCertificateResult, ReadCertificateResult} from '../../store/certificates.js';
import type {SecretFolder} from '../../store/secret-location.js';
import {truncate} from '../components/text.js';
import {TextField} from '../components/TextField.js';
import {fieldStepCommands} from '../components/use-field-step.js';
import {useCommands} from '../hooks/keyboard.js';
import {useFooterScope} from '../hooks/footer-scope.js';
import {ChoiceValue, FieldRow, labelColumn} from './form-fields.js';
import {ToneText} from '../components/ToneText.js';

type Field = 'source' | 'file' | 'commonName' | 'days' | 'keyFile';
type TextFieldId = Exclude<Field, 'source'>;

const labels: Record<Field, string> = {
	source: 'Certificate',
	file: 'PEM file',
	commonName: 'Common name',
	days: 'Valid for (days)',
	keyFile: 'Private key file',
};

export function CertificateForm(props: {
	user: string;
	readCertificate: (file: string) => ReadCertificateResult;
	generateCertificate: (options: {commonName: string; days: number; keyFile: string; overwrite: boolean}) => Promise<GenerateCertificateResult>;
	/** planUploadCertificate for this PEM; throws IamError (a duplicate, IAM's two-certificate limit). */
	buildPlan: (certificatePem: string) => Plan;
	onPlan: (plan: Plan) => void;
	/** Where the key file is offered (store/secret-location.ts): `./`, or `~/` when the current folder is in a git work tree. */
	defaultFolder?: SecretFolder;
	/** A warning for a key written where it could be committed (inside a git work tree). */
	fileWarning?: (keyPath: string) => string | undefined;
	onBack: () => void;
	focused: boolean;
	width: number;
}) {
	const [generate, setGenerate] = useState(false);
	const [values, setValues] = useState<Record<TextFieldId, string>>({
		file: '',
		commonName: props.user,
		days: '365',
		keyFile: `${props.defaultFolder?.prefix ?? './'}${props.user.replace(/[^\w+=,.@-]/g, '_')}-signing-key.pem`,
	});
	const [active, setActive] = useState(0);
	const [problems, setProblems] = useState<Partial<Record<Field | 'plan', string>>>({});
	const [busy, setBusy] = useState(false);

	const fields: Field[] = generate ? ['source', 'commonName', 'days', 'keyFile'] : ['source', 'file'];
	const field = fields[Math.min(active, fields.length - 1)]!;
	useFooterScope(field === 'source' ? 'choice' : 'form', props.focused);

	/** The plan with what the operator should read first: warnings, what was read or written. */
	const toPlan = (pem: string, lines: string[]) => {
		try {
			const plan = props.buildPlan(pem);
			props.onPlan({...plan, notes: [...lines, ...(plan.notes ?? [])]});
		} catch (error) {
			setProblems({plan: describeError(error)});
		}
	};

	const fromFile = () => {
		if (!values.file.trim()) return setProblems({file: 'Give the path of a PEM certificate file'});
		const read = props.readCertificate(values.file.trim());
		if (!read.ok) return setProblems({file: read.message});
		toPlan(read.pem, [
			...read.warnings.map(w => `Warning: ${w}`),
			`Certificate: ${read.subject.replace(/\n/g, ', ')} · valid until ${read.notAfter.toISOString().slice(0, 10)} · SHA-256 ${read.fingerprint}`,
		]);
	};

	const generateNow = () => {
		const days = Number(values.days.trim());
		if (!/^\d+$/.test(values.days.trim()) || days < 1) return setProblems({days: 'A whole number of days, e.g. 365'});
		setBusy(true);
		props.generateCertificate({commonName: values.commonName, days, keyFile: values.keyFile.trim(), overwrite: false}).then(
			result => {
				setBusy(false);
				if (!result.ok) {
					const at: Field = result.reason !== 'invalid' ? 'keyFile' : /day/i.test(result.message) ? 'days' : 'commonName';
					const message = result.reason === 'exists' ? `${result.message}: choose another file (a key file is never written over)` : result.message;
					return setProblems({[at]: message});
				}
				toPlan(result.certificatePem, [
					`Generated a self-signed certificate for CN=${values.commonName.trim()}, valid until ${result.notAfter.toISOString().slice(0, 10)}.`,
					`Its private key is in ${result.keyPath} (mode 0600) and is never shown; keep it — cancelling leaves the file there.`,
					...[props.fileWarning?.(result.keyPath)].filter((w): w is string => w !== undefined).map(w => `Warning: ${w}`),
				]);
			},
			(error: unknown) => {
				setBusy(false);
				setProblems({keyFile: describeError(error)});
			},
		);
	};

	const next = () => {
		if (busy) return;
		if (active < fields.length - 1) return setActive(active + 1);
		setProblems({});
		if (generate) generateNow();
		else fromFile();
	};
	useCommands(
		'wizard',
		{
			...fieldStepCommands(setActive, fields.length),
			'toggle-choice': () => {
				if (field !== 'source') return;
				setGenerate(current => !current);
				setProblems({});
			},
			'form-next': next,
			'form-back': props.onBack,
		},
		props.focused && !busy,
	);
	const line = (text: string) => truncate(sanitize(text), Math.max(1, props.width - 1));
	const on = (id: Field) => props.focused && !busy && field === id;
	return (
		<Box flexDirection="column">
			<Text bold>{line(`Signing certificate for ${props.user}`)}</Text>
			{fields.map(id => (
				<FieldRow key={id} label={labels[id]} labelWidth={labelColumn(Object.values(labels), props.width)} active={on(id)} problem={problems[id]}>
					{id === 'source' ? (
						<ChoiceValue text={generate ? 'generate a self-signed one' : 'upload from a PEM file'} active={on(id)} />
					) : (
						<TextField
							value={values[id]}
							onChange={value => {
								setValues(current => ({...current, [id]: value}));
								setProblems(current => ({...current, [id]: undefined, plan: undefined}));
							}}
							onSubmit={next}
							onCancel={props.onBack}
							focused={on(id)}
							placeholder={id === 'file' ? 'e.g. ~/certs/rsdash.pem' : undefined}
						/>
					)}
				</FieldRow>
			))}
			{busy ? <ToneText tone="muted">Generating the key pair…</ToneText> : null}
			{problems.plan ? <ToneText tone="error" wrap="wrap">{sanitize(`Cannot plan this: ${problems.plan} (nothing was sent)`)}</ToneText> : null}
			<ToneText tone="muted">{line('tab/↓ next field · space change · enter next / show the plan · esc cancel')}</ToneText>
		</Box>
	);
}
