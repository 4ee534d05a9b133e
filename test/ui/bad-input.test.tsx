// Bad input in the TUI (issue 9, item 5): hostile names typed into the create-user wizard and the
// policy-template form are refused on their field and no write reaches the gateway; account data
// carrying escape sequences and control characters reaches the terminal inert — checked on the raw
// bytes Ink writes, not on a frame with the escapes already stripped.
import {EventEmitter} from 'node:events';
import {render as inkRender, type Instance} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeStdin} from '../helpers/fake-stdin.js';
import {App} from '../../source/app.js';
import {HOSTILE_NAME, HOSTILE_NAME_SHOWN} from '../fixtures/account.js';
import {fixtureGateway} from '../fixtures/gateway.js';
import {testServices, type TestServices} from '../fixtures/services.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const CTRL_U = '\u0015';
const harness = appHarness();

describe('create-user wizard: a hostile name is refused on its field, nothing is sent', () => {
	it.each([
		['a space', 'ana silva', 'contains a space; IAM accepts only letters, digits'],
		['a slash', 'eng/ana', 'contains "/": a path goes in the path field'],
		['a leading space', ' bea', 'starts or ends with a space'],
		['unicode', 'anä', 'which is not ASCII'],
		['a semicolon', 'bea;rm', 'contains ";"; IAM accepts only'],
		['65 characters', 'u'.repeat(65), 'the user name is 65 characters long; IAM accepts at most 64'],
	])('%s', async (_label, name, message) => {
		const {tui, gateway} = harness.start({columns: 140});
		await tui.waitFor('Users (12)');
		tui.write('n');
		await tui.waitFor('Create a user · step 1 of 3');
		tui.write(name);
		await tui.waitFor(message);
		tui.write(keys.enter);
		await tick();
		await tui.waitFor(message);
		expect(tui.lastFrame()).toContain('step 1 of 3');
		tui.write(keys.escape);
		await tui.waitFor('Users (12)');
		expect(writesOf(gateway)).toEqual([]);
	});
});

/** :policies → n → the s3-single-bucket form. */
const openS3Form = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write('policies');
	await tui.waitFor(':policies');
	tui.write(keys.enter);
	await tui.waitFor('Policies (');
	tui.write('n');
	await tui.waitFor('New customer managed policy: choose a template');
	tui.write('/');
	await tui.waitFor('type to filter');
	tui.write('s3-single');
	await tui.waitFor(/\b1 of \d+/);
	tui.write(keys.enter);
	await tui.waitFor('esc clears');
	tui.write(keys.enter);
	await tui.waitFor('template S3 single bucket');
};

/** From the name field to the bucket field, waiting for each field's hint: keys must not race the render. */
const toBucketField = async (tui: Rendered) => {
	for (const hint of ['optional: "/" or e.g. /tools/', 'optional, up to 1000 characters', "the bucket's name: 3-63 characters"]) {
		tui.write(keys.enter);
		await tui.waitFor(hint);
	}
};

describe('policy-template form: bad names and parameters are refused, nothing is sent', () => {
	it('a policy name with a space: refused on submit, focus back on the name', async () => {
		const {tui, gateway} = harness.start({columns: 220, rows: 50});
		await openS3Form(tui);
		tui.write(CTRL_U);
		await tui.waitForFrame(f => !f.includes('S3SingleBucketPolicy'));
		tui.write('My Policy');
		await tui.waitFor('My Policy');
		await toBucketField(tui);
		tui.write('example-reports');
		await tui.waitFor('example-reports');
		tui.write(keys.enter);
		await tui.waitFor('the policy name "My Policy" contains a space; IAM accepts only letters, digits');
		expect(tui.lastFrame()).not.toContain('Preview of');
		expect(writesOf(gateway)).toEqual([]);
	});

	it.each([
		['a space', 'my bucket'],
		['unicode', 'bücket'],
		['upper case and _', 'My_Bucket'],
		['too short', 'ab'],
	])('a bucket parameter with %s', async (_label, bucket) => {
		const {tui, gateway} = harness.start({columns: 220, rows: 50});
		await openS3Form(tui);
		await toBucketField(tui);
		tui.write(bucket);
		await tui.waitFor(bucket);
		tui.write(keys.enter);
		await tui.waitFor(`Parameter "bucket": "${bucket}" is not valid`);
		expect(tui.lastFrame()).not.toContain('Preview of');
		expect(writesOf(gateway)).toEqual([]);
	});
});

// A terminal that keeps every byte Ink writes: the frames the other tests read have their ANSI stripped.
class RawTerminal extends EventEmitter {
	readonly isTTY = true;
	columns = 140;
	rows = 40;
	raw = '';
	write = (chunk: string) => {
		this.raw += chunk;
		return true;
	};
}


// Ink is rendered here directly, not through appHarness: the check is on the raw bytes written to a terminal
// of the test's own (RawTerminal), which ink-testing-library's frames have already stripped of escapes.
describe('account data with escape sequences renders inert', () => {
	let instance: Instance | undefined;
	let services: TestServices | undefined;
	afterEach(() => {
		instance?.unmount();
		services?.dispose();
		instance = undefined;
		services = undefined;
	});

	// Sequences Ink never writes itself: clear screen, blink, a window title (OSC … BEL), the 8-bit CSI.
	const HOSTILE_BYTES = ['\u001B[2J', '\u001B[5m', '\u001B]', '\u0007', '\u009B', 'pwned'];

	it('the Users list and the User screen (name and tag values) never pass the sequences through', async () => {
		const hostileTag = {Key: 'note', Value: 'v\u001B[2J\u001B[5mblink\u0007\u009B2J!'};
		const gateway = fixtureGateway({details: {[HOSTILE_NAME]: {accessKeys: [], mfaDevices: [], tags: [hostileTag]}}});
		services = testServices({gateway: () => gateway});
		const terminal = new RawTerminal();
		const stdin = new FakeStdin();
		instance = inkRender(<App services={services} initial={{profile: 'dev'}} />, {
			stdout: terminal as unknown as NodeJS.WriteStream,
			stderr: new RawTerminal() as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		const waitFor = async (text: string) => {
			const deadline = Date.now() + 5000;
			while (!terminal.raw.includes(text)) {
				if (Date.now() > deadline) throw new Error(`Timed out waiting for ${text}; last output:\n${terminal.raw.slice(-3000)}`);
				await new Promise(resolve => setTimeout(resolve, 5));
			}
			await tick();
		};
		await waitFor('Users (12)');
		await waitFor(HOSTILE_NAME_SHOWN);
		stdin.write('/');
		await waitFor('type to filter');
		stdin.write('mallory');
		await waitFor('1 of 12');
		stdin.write(keys.enter);
		await waitFor('esc clears');
		stdin.write(keys.enter);
		await waitFor(`User ${HOSTILE_NAME_SHOWN}`);
		await waitFor('note = vblink!');
		for (const bytes of HOSTILE_BYTES) expect(terminal.raw, JSON.stringify(bytes)).not.toContain(bytes);
		expect(writesOf(gateway)).toEqual([]);
	});
});
