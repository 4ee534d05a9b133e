// The policy wizard: W1's policy from a template attached to a group in one plan, parameters refused
// per field, a broken JSON file shown where it breaks, W4's cost tool policy, W3's inline policy.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {fixtureSnapshot, groups, policies} from '../fixtures/account.js';
import type {FixtureGateway, FixtureGatewayOptions} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {filterTo, inlineFromTemplate, openGroup} from '../helpers/group-steps.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const harness = appHarness();
let folder: string | undefined;
afterEach(() => {
	if (folder) rmSync(folder, {recursive: true, force: true});
	folder = undefined;
});

const start = (options: FixtureGatewayOptions = {}) => harness.start({...options, columns: 220, rows: 50});

/** The account before W1: no LightsailFullAccessPolicy yet, its group without policies. */
const beforeW1 = () =>
	fixtureSnapshot({
		policies: policies.filter(p => p.name !== 'LightsailFullAccessPolicy'),
		groups: groups.map(g => (g.name === 'LightsailFullAccessGroup' ? {...g, attachedPolicies: []} : g)),
	});

const READS = /^(callerIdentity|loadSnapshot|userDetails|getUser|loginProfile|accessKeys|mfaDevices)\b/;
const writes = (gateway: FixtureGateway) => gateway.calls.filter(c => !READS.test(c));
const operations = (gateway: FixtureGateway) => writes(gateway).map(c => c.split(':')[0]);
const createdDocument = (gateway: FixtureGateway) => {
	const call = writes(gateway).find(c => c.startsWith('createPolicy:'))!;
	return JSON.parse(call.slice(call.indexOf('{'))) as {Statement: Array<{Action: string | string[]; Resource: string}>};
};

/** :policies → n → the template list. */
const openWizard = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write(':');
	await tui.waitFor(':users :groups');
	tui.write('policies');
	await tui.waitFor(':policies');
	tui.write(keys.enter);
	await tui.waitFor('Policies (');
	tui.write('n');
	await tui.waitFor('New customer managed policy: choose a template');
	return tui.waitFor('inventory-read-only');
};

/** Enter through every field of the form: name, path, description and the parameters. */
const submitForm = async (tui: Rendered, fields: number) => {
	for (let n = 0; n < fields; n++) {
		tui.write(keys.enter);
		await tick();
	}
};

describe('policy from a template', () => {
	it('W1: lightsail-full-access → LightsailFullAccessPolicy → attach to LightsailFullAccessGroup → createPolicy + attachGroupPolicy', async () => {
		const {tui, gateway} = start({snapshot: beforeW1()});
		const list = await openWizard(tui);
		expect(list).toContain('inventory-read-only');
		await filterTo(tui, 'lightsail');
		const chosen = await tui.waitFor('Lightsail full access');
		expect(chosen).toContain('The Lightsail console does not support action- or resource-specific permissions');
		expect(chosen).toMatch(/source: AWS documentation/);
		tui.write(keys.enter);
		const form = await tui.waitFor('template Lightsail full access');
		expect(form).toContain('LightsailFullAccessPolicy');
		await submitForm(tui, 3);
		const preview = await tui.waitFor('Preview of LightsailFullAccessPolicy — valid');
		expect(preview).toContain('"Action": "lightsail:*"');
		tui.write(keys.enter);
		await tui.waitFor('Attach LightsailFullAccessPolicy to a group or a user?');
		await filterTo(tui, 'group LightsailFull');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Create policy LightsailFullAccessPolicy');
		expect(plan).toContain('aws iam create-policy --policy-name LightsailFullAccessPolicy --policy-document file://LightsailFullAccessPolicy.json');
		expect(plan).toContain('Attach LightsailFullAccessPolicy to group LightsailFullAccessGroup');
		expect(plan).toContain('From template "Lightsail full access"');
		expect(writes(gateway)).toEqual([]);

		tui.write('y');
		await tui.waitFor(/done\s+Attach LightsailFullAccessPolicy to group LightsailFullAccessGroup/);
		expect(operations(gateway)).toEqual(['createPolicy', 'attachGroupPolicy']);
		expect(writes(gateway)[1]).toBe('attachGroupPolicy:LightsailFullAccessGroup:arn:aws:iam::123456789012:policy/LightsailFullAccessPolicy');
		expect(createdDocument(gateway).Statement).toEqual([{Sid: 'LightsailFullAccess', Effect: 'Allow', Action: 'lightsail:*', Resource: '*'}]);
	});

	it('a name that exists is refused on the form, before the preview', async () => {
		const {tui, gateway} = start();
		await openWizard(tui);
		await filterTo(tui, 'lightsail');
		tui.write(keys.enter);
		await tui.waitFor('template Lightsail full access');
		await submitForm(tui, 3);
		await tui.waitFor('a customer managed policy named LightsailFullAccessPolicy already exists');
		expect(tui.lastFrame()).not.toContain('Preview of');
		expect(writes(gateway)).toEqual([]);
	});

	it('s3-single-bucket: a missing, then an invalid bucket name is refused on its field; a valid one renders', async () => {
		const {tui, gateway} = start();
		await openWizard(tui);
		await filterTo(tui, 's3-single');
		tui.write(keys.enter);
		const form = await tui.waitFor('template S3 single bucket');
		expect(form).toContain('S3SingleBucketPolicy');
		await submitForm(tui, 4);
		await tui.waitFor('Parameter "bucket" is missing');
		expect(tui.lastFrame()).toContain('e.g. "example-reports"');
		tui.write('Bad_Bucket');
		await tui.waitFor('Bad_Bucket');
		tui.write(keys.enter);
		const invalid = await tui.waitFor('Parameter "bucket": "Bad_Bucket" is not valid');
		// The whole sentence shows, wrapped: what a bucket name is, and the pattern.
		expect(invalid).toContain('it must match');
		expect(invalid).toContain('[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]');
		expect(invalid).not.toContain('Preview of');
		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('Bad_Bucket'));
		tui.write('example-reports');
		await tui.waitFor('example-reports');
		tui.write(keys.enter);
		const preview = await tui.waitFor('Preview of S3SingleBucketPolicy — valid');
		expect(preview).toContain('"Resource": "arn:aws:s3:::example-reports/*"');
		expect(writes(gateway)).toEqual([]);
	});

	it('f reads a JSON file: invalid JSON says where it breaks; a policy with a problem is shown with it', async () => {
		const {tui, gateway} = start();
		folder = mkdtempSync(path.join(tmpdir(), 'iamtui-policy-'));
		const broken = path.join(folder, 'broken.json');
		writeFileSync(broken, '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow" "Action": "*", "Resource": "*"}]\n}\n');
		const noEffect = path.join(folder, 'tool-policy.json');
		writeFileSync(noEffect, JSON.stringify({Version: '2012-10-17', Statement: [{Action: 's3:ListBucket', Resource: '*'}]}));
		await openWizard(tui);
		tui.write('f');
		await tui.waitFor('JSON file');
		tui.write(broken);
		await tui.waitFor('broken.json');
		tui.write(keys.enter);
		const error = await tui.waitFor('is not JSON');
		expect(error).toContain('Not valid JSON at line 3, column 36');
		expect(error).toContain('▸');

		tui.write('\u0015');
		await tui.waitForFrame(f => !f.includes('broken.json'));
		tui.write(noEffect);
		await tui.waitFor('tool-policy.json');
		tui.write(keys.enter);
		const form = await tui.waitFor('Policy name');
		expect(form).toContain('ToolPolicy');
		await submitForm(tui, 3);
		const preview = await tui.waitFor('1 problem: IAM would refuse it');
		expect(preview).toContain('Effect is missing');
		expect(preview).toContain('esc back to the form to fix it');
		// enter does not go on with a problem.
		tui.write(keys.enter);
		await tick();
		expect(tui.lastFrame()).toContain('Preview of ToolPolicy');
		expect(writes(gateway)).toEqual([]);
	});

	it('W4: inventory-read-only attached to a group', async () => {
		const {tui, gateway} = start();
		await openWizard(tui);
		await filterTo(tui, 'inventory');
		tui.write(keys.enter);
		await tui.waitFor('template Inventory read-only tool');
		await submitForm(tui, 3);
		await tui.waitFor('Preview of InventoryReadOnlyPolicy — valid');
		tui.write(keys.enter);
		await tui.waitFor('Attach InventoryReadOnlyPolicy to a group or a user?');
		await filterTo(tui, 'group EmptyGroup');
		tui.write(keys.enter);
		await tui.waitFor('Create policy InventoryReadOnlyPolicy');
		tui.write('y');
		await tui.waitFor(/done\s+Attach InventoryReadOnlyPolicy to group EmptyGroup/);
		expect(operations(gateway)).toEqual(['createPolicy', 'attachGroupPolicy']);
		const actions = createdDocument(gateway).Statement.flatMap(s => (Array.isArray(s.Action) ? s.Action : [s.Action]));
		expect(actions).toEqual(expect.arrayContaining(['ec2:Describe*', 'iam:Get*', 'iam:List*', 'iam:GenerateCredentialReport', 'organizations:Describe*', 'organizations:List*']));
		expect(actions.every(a => /^(ec2:Describe\*|iam:(Get\*|List\*|GenerateCredentialReport|GenerateServiceLastAccessedDetails)|organizations:(Describe\*|List\*))$/.test(a))).toBe(true);
	});

	it('W3: i on a group puts an inline policy from the full-control template', async () => {
		const {tui, gateway} = start();
		await openGroup(tui, 'EmptyGroup');
		await inlineFromTemplate(tui, 'EmptyGroup', 'full-control', 'AllowEverything');
		await tui.waitFor('Preview of AllowEverything — valid');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Put inline policy AllowEverything on group EmptyGroup');
		expect(plan).toContain('aws iam put-group-policy --group-name EmptyGroup --policy-name AllowEverything --policy-document file://AllowEverything.json');
		tui.write('y');
		await tui.waitFor(/done\s+Put inline policy AllowEverything/);
		expect(operations(gateway)).toEqual(['putGroupPolicy']);
		tui.write(keys.enter);
		const group = await tui.waitFor('Inline policies (1)');
		expect(group).toContain('AllowEverything');
	});
});
