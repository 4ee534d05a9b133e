// Issue 16, item 10: the write forms lay their labels out through one FieldRow, so at 80 columns (and
// at 200) a long label and a long value never run into each other. Each form is rendered for real with
// a long value typed in, and each row is read back as two columns: the label's text whole on the left,
// the value's text whole on the right, with a gap between them on every line of the row.
import {afterEach, describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import {parseTemplate, type PolicyTemplate} from '../../source/model/templates.js';
import {AddProfileForm} from '../../source/ui/screens/AddProfileForm.js';
import {CertificateForm} from '../../source/ui/screens/CertificateForm.js';
import {ContextField} from '../../source/ui/screens/ContextField.js';
import {CreateUserWizard} from '../../source/ui/screens/CreateUserWizard.js';
import {NewGroupWizard} from '../../source/ui/screens/NewGroupWizard.js';
import {PasswordForm} from '../../source/ui/screens/PasswordForm.js';
import {PolicyFromTemplate} from '../../source/ui/screens/PolicyFromTemplate.js';
import {KeyboardProvider} from '../../source/ui/hooks/keyboard.js';
import {fixtureSnapshot} from '../fixtures/account.js';
import {compact, keys, renderTui, tick, type Rendered} from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => {
	ui?.unmount();
	ui = undefined;
});

const SIZES = [
	{columns: 80, rows: 24},
	{columns: 200, rows: 60},
] as const;

const noop = () => {};

/**
 * The row whose label starts on some line: the value column is where `value` starts on that line.
 * Returns the label's and the value's text as read from their columns over the row's lines, and
 * what stands just before the value column on each of those lines (a gap of two blanks, when apart).
 */
const readRow = (frame: string, label: string, value: string) => {
	// A bordered form (add a profile): read inside the border.
	const lines = frame.split('\n').map(line => line.replace(/^│ /, '').replace(/ │$/, ''));
	const head = label.slice(0, 8);
	const at = lines.findIndex(line => line.replace(/^[›\s]+/, '').startsWith(head));
	if (at < 0) return undefined;
	const first = lines[at]!;
	const valueColumn = first.indexOf(value.slice(0, 6), first.indexOf(head) + 1);
	if (valueColumn < 0) return undefined;
	let labelText = '';
	let valueText = '';
	const gaps: string[] = [];
	for (let n = at; n < lines.length && (compact(labelText).length < compact(label).length || compact(valueText).length < compact(value).length); n++) {
		const line = lines[n]!;
		labelText += ` ${line.slice(0, valueColumn).replace(/^›/, '')}`;
		valueText += ` ${line.slice(valueColumn)}`;
		gaps.push(line.slice(valueColumn - 2, valueColumn));
	}
	return {label: compact(labelText), value: compact(valueText), gaps};
};

const expectApart = (frame: string, label: string, value: string) => {
	const row = readRow(frame, label, value);
	expect(row, `no row for ${label} with ${value} beside it in:\n${frame}`).toBeDefined();
	expect(row!.label, `label of ${label} in:\n${frame}`).toBe(compact(label));
	expect(row!.value.startsWith(compact(value)), `value beside ${label} in:\n${frame}`).toBe(true);
	for (const gap of row!.gaps) expect(gap).toBe('  ');
};

const mount = (tree: React.ReactElement, size: {columns: number; rows: number}) => {
	ui = renderTui(<KeyboardProvider readOnly={false}>{tree}</KeyboardProvider>, size);
	return ui;
};

/** Types into the focused field as one paste (it may arrive in pieces), then waits until the whole value is beside its label. */
const paste = async (tui: Rendered, label: string, text: string) => {
	tui.write(text);
	await tui.waitForFrame(frame => readRow(frame, label, text)?.value.startsWith(compact(text)) === true);
	await tick();
};

const LONG_NAME = `Lightsail${'Operators'.repeat(7)}`;
const LONG_PARAMETER = 'AllowedOfficeNetworkSourceIpRangeInCidrForm';
const officeTemplate: PolicyTemplate = parseTemplate(
	'office-network',
	JSON.stringify({
		title: 'Office network only',
		description: 'Denies everything from outside the office network.',
		source: 'written for this test',
		parameters: [{name: LONG_PARAMETER, description: 'the office network, as a CIDR block', example: '10.0.0.0/8'}],
		document: {
			Version: '2012-10-17',
			Statement: [{Effect: 'Deny', Action: '*', Resource: '*', Condition: {NotIpAddress: {'aws:SourceIp': `\${${LONG_PARAMETER}}`}}}],
		},
	}),
);

describe.each(SIZES)('wizard labels at $columns×$rows', size => {
	const width = size.columns;
	const height = size.rows - 2;

	it('create a group: the name field beside its label, a long name wrapping in its own column', async () => {
		const tui = mount(<NewGroupWizard index={buildIndex(fixtureSnapshot())} awsManaged={{status: 'loading'}} onPlan={noop} onCancel={noop} focused width={width} height={height} />, size);
		await tui.waitFor('Create a group');
		await paste(tui, 'Group name', LONG_NAME);
		expectApart(tui.lastFrame(), 'Group name', LONG_NAME);
	});

	it('a policy from a template: a parameter with a long name and a long value', async () => {
		const templates = {list: async () => [officeTemplate], load: async () => officeTemplate};
		const tui = mount(
			<PolicyFromTemplate target={{kind: 'managed'}} index={buildIndex(fixtureSnapshot())} accountId="123456789012" templates={templates} onPlan={noop} onCancel={noop} focused width={width} height={height} />,
			size,
		);
		await tui.waitFor('office-network');
		tui.write(keys.enter);
		await tui.waitFor('Policy name');
		for (let n = 0; n < 3; n++) {
			tui.write(keys.down);
			await tick();
		}
		await tui.waitFor('the office network, as a CIDR block');
		const value = '10.20.30.0/24,'.repeat(8);
		await paste(tui, LONG_PARAMETER, value);
		const frame = tui.lastFrame();
		expectApart(frame, 'Policy name', 'OfficeNetworkPolicy');
		expectApart(frame, LONG_PARAMETER, value);
	});

	it('create a user: a long user name, then the access step with its long choices', async () => {
		const tui = mount(
			<CreateUserWizard index={buildIndex(fixtureSnapshot())} loadPasswordPolicy={async () => null} randomBytes={n => new Uint8Array(n)} onPlan={noop} onBack={noop} focused width={width} height={height} />,
			size,
		);
		await tui.waitFor('step 1 of 3');
		const name = 'ana.silva.from.the.lightsail.operations.team';
		await paste(tui, 'User name', name);
		expectApart(tui.lastFrame(), 'User name', name);
		for (const next of ['› Path', '› Tags', 'step 2 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		tui.write(' ');
		await tui.waitFor('generated password');
		tui.write(keys.tab);
		const frame = await tui.waitFor('› Reset at next sign-in');
		expectApart(frame, 'Reset at next sign-in', 'yes (and attach IAMUserChangePassword, as the console does)  (space changes)');
		expectApart(frame, 'Console access', 'generated');
	});

	it('a console password: the choice and "Reset at next sign-in" beside their labels', async () => {
		const tui = mount(
			<PasswordForm user="ana.silva" reset={false} loadPasswordPolicy={async () => null} randomBytes={n => new Uint8Array(n)} buildPlan={() => ({}) as never} onPlan={noop} onBack={noop} focused width={width} />,
			size,
		);
		const frame = await tui.waitFor('Reset at next sign-in');
		expectApart(frame, 'Password', 'generated (meets the account’s password policy)  (space changes)');
		expectApart(frame, 'Reset at next sign-in', 'yes');
	});

	it('a signing certificate: a long key file path beside "Private key file"', async () => {
		const tui = mount(
			<CertificateForm
				user={LONG_NAME}
				readCertificate={() => ({ok: false, message: 'not read in this test'}) as never}
				generateCertificate={async () => ({ok: false, reason: 'invalid', message: 'not generated in this test'}) as never}
				buildPlan={() => ({}) as never}
				onPlan={noop}
				onBack={noop}
				focused
				width={width}
			/>,
			size,
		);
		await tui.waitFor('Signing certificate');
		tui.write(' ');
		const frame = await tui.waitFor('generate a self-signed one');
		expectApart(frame, 'Common name', LONG_NAME);
		expectApart(frame, 'Private key file', `./${LONG_NAME}-signing-key.pem`);
		expectApart(frame, 'Valid for (days)', '365');
	});

	it('add a profile: a long endpoint beside its label', async () => {
		const tui = mount(<AddProfileForm onSave={() => undefined} onCancel={noop} focused />, size);
		await tui.waitFor('Add a profile');
		for (const [label, next] of [['Name', 'prod'], ['Region', 'eu-west-1']] as const) {
			await paste(tui, label, next);
			tui.write(keys.enter);
			await tick();
		}
		const endpoint = `https://iam.${'internal-proxy.'.repeat(5)}example.com:8443/`;
		await paste(tui, 'Endpoint', endpoint);
		const frame = tui.lastFrame();
		expectApart(frame, 'Name', 'prod');
		expectApart(frame, 'Endpoint', endpoint);
	});

	it('the request context: a long context beside its label', async () => {
		const tui = mount(<ContextField initial="" active width={width} onApply={noop} onCancel={noop} />, size);
		await tui.waitFor('request context');
		const context = 'aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1 aws:RequestedRegion=eu-west-1 aws:PrincipalTag/team=lightsail';
		await paste(tui, 'request context', context);
		expectApart(tui.lastFrame(), 'request context', context);
	});
});
