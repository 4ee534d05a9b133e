import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {resolveActions} from '../../source/model/access.js';
import {IamError} from '../../source/model/errors.js';
import {checkPolicyDocument} from '../../source/model/policy-document.js';
import {parseTemplate, renderTemplate, type PolicyTemplate} from '../../source/model/templates.js';

const root = new URL('../../', import.meta.url);
const TEMPLATES = new URL('templates/', root);
const readTemplate = (id: string) => parseTemplate(id, readFileSync(new URL(`${id}.json`, TEMPLATES), 'utf8'));

type Doc = Record<string, unknown>;
const bucketTemplate = (extra: Doc = {}) =>
	JSON.stringify({
		title: 'Bucket',
		description: 'One bucket',
		source: 'iamtui',
		parameters: [{name: 'bucket', description: 'the bucket name', example: 'my-bucket', pattern: '[a-z0-9.-]{3,63}'}],
		document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::${bucket}'}]},
		...extra,
	});

const parseError = (text: string): IamError => {
	try {
		parseTemplate('t', text);
	} catch (error) {
		expect(error).toBeInstanceOf(IamError);
		expect((error as IamError).kind).toBe('Invalid');
		return error as IamError;
	}
	throw new Error('expected parseTemplate to throw');
};

describe('parseTemplate', () => {
	it('reads a template, with defaults for notes', () => {
		expect(parseTemplate('bucket', bucketTemplate())).toEqual({
			id: 'bucket',
			title: 'Bucket',
			description: 'One bucket',
			source: 'iamtui',
			parameters: [{name: 'bucket', description: 'the bucket name', example: 'my-bucket', pattern: '[a-z0-9.-]{3,63}'}],
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::${bucket}'}]},
			notes: [],
		});
	});

	it.each<[string, string, string]>([
		['not JSON', '{"title": "x",', 'template "t" is not valid: Not valid JSON at line 1, column 15: '],
		['a missing title', bucketTemplate({title: undefined}), 'template "t" is not valid: title must be a string'],
		['an empty source', bucketTemplate({source: '  '}), 'template "t" is not valid: source must not be empty'],
		['an unknown key', bucketTemplate({Document: {}}), 'template "t" is not valid: unknown keys "Document"'],
		['a document that is not an object', bucketTemplate({document: 'x'}), 'template "t" is not valid: document must be a policy document object'],
		['a bad parameter name', bucketTemplate({parameters: [{name: 'aws:x', description: 'd'}]}), 'parameter name must start with a letter and hold only letters, digits and _'],
		['an undeclared placeholder', bucketTemplate({parameters: []}), 'template "t" is not valid: the document uses ${bucket} but no parameter "bucket" is declared'],
		['an unused parameter', bucketTemplate({parameters: [{name: 'bucket', description: 'd'}, {name: 'prefix', description: 'p'}]}), 'parameter "prefix" is declared but the document never uses ${prefix}'],
		['a parameter declared twice', bucketTemplate({parameters: [{name: 'bucket', description: 'd'}, {name: 'bucket', description: 'e'}]}), 'parameter "bucket" is declared twice'],
		['a pattern that is no regular expression', bucketTemplate({parameters: [{name: 'bucket', description: 'd', pattern: '[a-z'}]}), 'parameter "bucket" has a pattern that is not a valid regular expression'],
		['an example that fails its own pattern', bucketTemplate({parameters: [{name: 'bucket', description: 'd', example: 'My_Bucket', pattern: '[a-z-]+'}]}), 'parameter "bucket": its example "My_Bucket" does not match its own pattern'],
	])('refuses %s', (_name, text, message) => {
		expect(parseError(text).message).toContain(message);
	});

	it('treats IAM policy variables as IAM\'s, not as parameters', () => {
		const template = parseTemplate('home', JSON.stringify({
			title: 'Home', description: 'd', source: 'iamtui', parameters: [],
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/${*}'}]},
		}));
		expect(renderTemplate(template, {})).toEqual({ok: true, document: JSON.stringify(template.document)});
	});
});

describe('renderTemplate', () => {
	const template = parseTemplate('bucket', bucketTemplate());

	it('fills placeholders and returns the checked compact document', () => {
		expect(renderTemplate(template, {bucket: 'reports.example'})).toEqual({
			ok: true,
			document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::reports.example"}]}',
		});
	});

	it('fills placeholders in keys too, and escapes values as JSON', () => {
		const tagged = parseTemplate('tag', JSON.stringify({
			title: 'Tag', description: 'd', source: 'iamtui',
			parameters: [{name: 'tagKey', description: 'the tag key'}, {name: 'value', description: 'the tag value'}],
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*', Condition: {StringEquals: {'aws:ResourceTag/${tagKey}': '${value}'}}}]},
		}));
		const result = renderTemplate(tagged, {tagKey: 'team', value: 'say "hi" \\o/'});
		if (!result.ok) throw new Error(result.problems.join('\n'));
		expect(JSON.parse(result.document).Statement[0].Condition).toEqual({StringEquals: {'aws:ResourceTag/team': 'say "hi" \\o/'}});
	});

	it.each<[string, Record<string, string>, string[]]>([
		['a missing parameter', {}, ['Parameter "bucket" is missing: give the bucket name (e.g. "my-bucket").']],
		['an empty value', {bucket: '  '}, ['Parameter "bucket" is missing: give the bucket name (e.g. "my-bucket").']],
		['a value outside the pattern', {bucket: 'My_Bucket'}, ['Parameter "bucket": "My_Bucket" is not valid — the bucket name (e.g. "my-bucket"); it must match [a-z0-9.-]{3,63}.']],
		['a value matching only part of the pattern', {bucket: 'ok-bucket/../other'}, ['Parameter "bucket": "ok-bucket/../other" is not valid — the bucket name (e.g. "my-bucket"); it must match [a-z0-9.-]{3,63}.']],
		['an unknown parameter', {bucket: 'ok-bucket', bukcet: 'x'}, ['Unknown parameter "bukcet" for template "bucket": it takes "bucket".']],
	])('refuses %s', (_name, values, problems) => {
		expect(renderTemplate(template, values)).toEqual({ok: false, problems});
	});

	it('runs the result through the policy check', () => {
		const withPrincipal = parseTemplate('bad', JSON.stringify({
			title: 'Bad', description: 'd', source: 'iamtui', parameters: [],
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*'}]},
		}));
		const result = renderTemplate(withPrincipal, {});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]).toMatch(/^Statement 1: Principal is not allowed in an identity policy/);
	});
});

describe('hostile template files', () => {
	const withParameter = (parameter: Doc, resource = 'arn:aws:s3:::${' + String(parameter.name) + '}') =>
		JSON.stringify({
			title: 'T', description: 'd', source: 'iamtui', parameters: [parameter],
			document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:ListBucket', Resource: resource}]},
		});

	it('a parameter named like an Object.prototype key is an ordinary parameter, never a crash', () => {
		for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
			const template = parseTemplate('proto', withParameter({name, description: 'the bucket'}));
			expect(renderTemplate(template, {})).toEqual({ok: false, problems: [`Parameter "${name}" is missing: give the bucket.`]});
			const filled = renderTemplate(template, {[name]: 'reports'});
			expect(filled.ok && JSON.parse(filled.document).Statement[0].Resource).toBe('arn:aws:s3:::reports');
		}
		// Given for a template that does not take it: unknown, not inherited.
		expect(renderTemplate(parseTemplate('bucket', bucketTemplate()), {bucket: 'ok-bucket', constructor: 'x'})).toEqual({
			ok: false,
			problems: ['Unknown parameter "constructor" for template "bucket": it takes "bucket".'],
		});
	});

	it.each([
		['(a+)+$', 'nested'],
		['(a*)*b', 'nested'],
		['(x|x)*y', 'alternation'],
		['(?:[a-z]+\\.)+com', 'nested'],
		['([a-z]{1,5})+', 'nested'],
	])('a pattern that can backtrack for ever (%s) is refused when the file is read', (pattern, _kind) => {
		const started = Date.now();
		const error = parseError(withParameter({name: 'bucket', description: 'the bucket', example: `${'a'.repeat(40)}!`, pattern}));
		expect(error.message).toMatch(/parameter "bucket" has a pattern that could take exponential time to match \(a repeated group that itself repeats or alternates\)/);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('a template built without parseTemplate still refuses the unsafe pattern, within a second, instead of running it', () => {
		const template: PolicyTemplate = {...parseTemplate('bucket', bucketTemplate()), parameters: [{name: 'bucket', description: 'the bucket', pattern: '(a+)+$'}]};
		const started = Date.now();
		const result = renderTemplate(template, {bucket: `${'a'.repeat(40)}!`});
		expect(Date.now() - started).toBeLessThan(1000);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]).toMatch(/pattern that could take exponential time/);
	});

	it('a value past the length cap is refused before any pattern runs; safe patterns, bounded repeats and the shipped ones pass', () => {
		const template = parseTemplate('bucket', bucketTemplate());
		expect(renderTemplate(template, {bucket: 'a'.repeat(5000)})).toEqual({ok: false, problems: ['Parameter "bucket" is 5000 characters long; a template parameter may be at most 2048.']});
		for (const pattern of ['[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]', '(ab|cd){3}', '(\\.(1|2)){3}', 'a+b*', '(?:abc)+', '[(+)]+', '\\(a+\\)+']) {
			expect(() => parseTemplate('ok', withParameter({name: 'bucket', description: 'the bucket', pattern}))).not.toThrow();
		}
		expect(readTemplate('network-restricted').parameters[0]!.pattern).toBeDefined();
	});
});

// ---- The shipped templates ----

const ids = readdirSync(TEMPLATES).filter(name => name.endsWith('.json')).map(name => name.replace(/\.json$/, '')).sort();
const examples = (template: PolicyTemplate) => Object.fromEntries(template.parameters.map(p => [p.name, p.example ?? '']));
interface Statement {Sid?: string; Effect: string; Action?: string | string[]; Resource?: string | string[]; Condition?: Doc}
const statementsOf = (template: PolicyTemplate): Statement[] => {
	const result = renderTemplate(template, examples(template));
	if (!result.ok) throw new Error(result.problems.join('\n'));
	const statement = (JSON.parse(result.document) as {Statement: Statement | Statement[]}).Statement;
	return Array.isArray(statement) ? statement : [statement];
};
const list = (value: string | string[] | undefined) => (value === undefined ? [] : typeof value === 'string' ? [value] : value);
const actionsOf = (template: PolicyTemplate) => statementsOf(template).flatMap(s => list(s.Action));
/** "action on resource" for every allowed pair: a statement-independent picture of what a template grants. */
const grants = (template: PolicyTemplate) =>
	statementsOf(template).flatMap(s => list(s.Action).flatMap(a => list(s.Resource).map(r => `${s.Effect} ${a} on ${r}`))).sort();

describe('every file in templates/', () => {
	it('holds every template the product lists', () => {
		expect(ids).toEqual(expect.arrayContaining([
			'cloud-management-full', 'inventory-read-only', 'ec2-developers', 'ec2-managers', 'full-control', 'iamtui-admin',
			'iamtui-read-only', 'lightsail-full-access', 'network-restricted', 's3-single-bucket',
		]));
	});

	it.each(ids)('%s parses, renders with its examples and passes the managed-policy check', id => {
		const template = readTemplate(id);
		expect(template.title.length).toBeGreaterThan(3);
		expect(template.description.length).toBeGreaterThan(20);
		expect(template.source.length).toBeGreaterThan(3);
		for (const p of template.parameters) expect(p.example, `${id}: parameter ${p.name} needs an example`).toBeTruthy();
		const result = renderTemplate(template, examples(template));
		expect(result).toMatchObject({ok: true});
		if (result.ok) expect(checkPolicyDocument(result.document, 'managed')).toEqual({ok: true, document: result.document});
	});

	it.each(ids)('%s names only actions that exist, spelled as IAM spells them', async id => {
		for (const action of actionsOf(readTemplate(id)).filter(a => a !== '*')) {
			const resolved = await resolveActions(action);
			expect(resolved, `${id}: ${action}`).toMatchObject({ok: true});
			if (resolved.ok && !/[*?]/.test(action)) expect(resolved.actions).toEqual([action]);
		}
	});
});

describe('template contents', () => {
	it('lightsail-full-access: lightsail:* on *, with the console note', () => {
		const template = readTemplate('lightsail-full-access');
		expect(grants(template)).toEqual(['Allow lightsail:* on *']);
		expect(template.notes.join(' ')).toMatch(/console does not support action- or resource-specific permissions.*403/);
	});

	it('full-control: * on *, and says it is admin-equivalent', () => {
		const template = readTemplate('full-control');
		expect(grants(template)).toEqual(['Allow * on *']);
		expect(template.description).toMatch(/administrator-equivalent/);
	});

	it('cloud-management-full: exactly the listed actions on the listed resources', () => {
		const serverCertificates = ['DeleteServerCertificate', 'GetServerCertificate', 'ListServerCertificates', 'UpdateServerCertificate', 'UploadServerCertificate']
			.map(a => `Allow iam:${a} on arn:aws:iam::*:server-certificate/*`);
		expect(grants(readTemplate('cloud-management-full'))).toEqual([
			'Allow cloudfront:* on *', 'Allow s3:* on arn:aws:s3:::*', 'Allow elasticloadbalancing:* on *', 'Allow sqs:* on arn:aws:sqs:*',
			'Allow rds:* on *', 'Allow sns:* on arn:aws:sns:*', 'Allow ec2:* on *', 'Allow cloudformation:* on *', 'Allow directconnect:* on *',
			'Allow route53:* on arn:aws:route53:::*', 'Allow cloudwatch:GetMetricStatistics on *', 'Allow cloudwatch:ListMetrics on *',
			...serverCertificates,
			'Allow iam:GenerateCredentialReport on *', 'Allow iam:GenerateServiceLastAccessedDetails on *', 'Allow iam:Get* on *', 'Allow iam:List* on *',
			'Allow organizations:Describe* on *', 'Allow organizations:List* on *',
		].sort());
	});

	it('inventory-read-only: describe EC2, read IAM and Organizations, nothing else', () => {
		expect(grants(readTemplate('inventory-read-only'))).toEqual([
			'Allow ec2:Describe* on *', 'Allow iam:GenerateCredentialReport on *', 'Allow iam:GenerateServiceLastAccessedDetails on *',
			'Allow iam:Get* on *', 'Allow iam:List* on *', 'Allow organizations:Describe* on *', 'Allow organizations:List* on *',
		].sort());
	});

	it('every shipped template speaks to the operator: no internal document, workflow code or source path', () => {
		for (const file of readdirSync(TEMPLATES).filter(name => name.endsWith('.json'))) {
			const template = readTemplate(file.replace(/\.json$/, ''));
			const words = [template.title, template.description, template.source, ...(template.notes ?? [])].join(' ');
			expect(words, file).not.toMatch(/PRODUCT\.md|DESIGN\.md|\bworkflow W\d|\bW\d{1,2}\b|source\/|\.ts\b|templates\//);
		}
	});

	it('a template whose name promises cost or billing data grants a billing or Cost Explorer read', () => {
		for (const file of readdirSync(TEMPLATES).filter(name => name.endsWith('.json'))) {
			const template = readTemplate(file.replace(/\.json$/, ''));
			if (!/\b(cost|billing)\b/i.test(`${file} ${template.title}`)) continue;
			expect(grants(template).some(g => /^Allow (ce|billing|cur|budgets):/.test(g)), file).toBe(true);
		}
	});

	it('ec2-developers and ec2-managers', () => {
		expect(grants(readTemplate('ec2-developers'))).toEqual(
			['DescribeInstances', 'RunInstances', 'StopInstances', 'StartInstances', 'TerminateInstances'].map(a => `Allow ec2:${a} on *`).sort(),
		);
		expect(grants(readTemplate('ec2-managers'))).toEqual(['Allow ec2:Describe* on *']);
	});

	it('s3-single-bucket: the bucket for listing, its objects for read/write/delete', () => {
		const template = readTemplate('s3-single-bucket');
		const result = renderTemplate(template, {bucket: 'acme-invoices'});
		if (!result.ok) throw new Error(result.problems.join('\n'));
		const rendered = {...template, parameters: [], document: JSON.parse(result.document) as unknown};
		expect(grants(rendered)).toEqual([
			'Allow s3:DeleteObject on arn:aws:s3:::acme-invoices/*', 'Allow s3:GetObject on arn:aws:s3:::acme-invoices/*',
			'Allow s3:ListBucket on arn:aws:s3:::acme-invoices', 'Allow s3:PutObject on arn:aws:s3:::acme-invoices/*',
		]);
		for (const bad of ['Acme', 'ab', 'acme_invoices', '-acme', 'acme/x', 'a'.repeat(64)]) {
			expect(renderTemplate(template, {bucket: bad}).ok, bad).toBe(false);
		}
		for (const good of ['abc', 'my.bucket-2', 'a'.repeat(63)]) expect(renderTemplate(template, {bucket: good}).ok, good).toBe(true);
	});

	it('network-restricted: denies outside the CIDR and without TLS', () => {
		const template = readTemplate('network-restricted');
		const result = renderTemplate(template, {cidr: '198.51.100.0/24'});
		if (!result.ok) throw new Error(result.problems.join('\n'));
		const conditions = (JSON.parse(result.document) as {Statement: Statement[]}).Statement.map(s => [s.Effect, s.Condition]);
		expect(conditions).toEqual([
			['Deny', {NotIpAddress: {'aws:SourceIp': '198.51.100.0/24'}, Bool: {'aws:ViaAWSService': 'false'}}],
			['Deny', {Bool: {'aws:SecureTransport': 'false'}}],
		]);
		for (const bad of ['10.0.0.0/33', '256.1.1.1/8', '10.0.0.0', '10.0.0/8', '10.0.0.0/8 ']) {
			expect(renderTemplate(template, {cidr: bad}).ok, bad).toBe(false);
		}
		expect(renderTemplate(template, {cidr: '0.0.0.0/0'}).ok).toBe(true);
	});
});

describe('iamtui-admin covers every write iamtui makes', () => {
	// The source of truth is the IamWrites interface: read its method names from gateway.ts.
	const gateway = readFileSync(new URL('source/model/gateway.ts', root), 'utf8');
	const block = /export interface IamWrites \{([\s\S]*?)\n\}/.exec(gateway)?.[1] ?? '';
	const methods = [...block.matchAll(/^\t(\w+)\(input/gm)].map(m => m[1]!);
	// IAM spells these abbreviations in capitals: DeactivateMFADevice, DeleteSSHPublicKey.
	const iamAction = (method: string) => `iam:${method[0]!.toUpperCase()}${method.slice(1)}`.replace(/Mfa/g, 'MFA').replace(/Ssh/g, 'SSH');
	const admin = readTemplate('iamtui-admin');
	const adminActions = actionsOf(admin);

	it('found the IamWrites methods', () => {
		expect(methods.length).toBeGreaterThanOrEqual(30);
		expect(methods).toContain('addUserToGroup');
		expect(methods).toContain('deleteServiceSpecificCredential');
	});

	it('allows the IAM action of every IamWrites method', () => {
		const missing = methods.map(iamAction).filter(action => !adminActions.includes(action));
		expect(missing).toEqual([]);
	});

	it('includes every read of iamtui-read-only and the per-user reads plans need', () => {
		const reads = actionsOf(readTemplate('iamtui-read-only'));
		const planReads = ['GetLoginProfile', 'ListSigningCertificates', 'ListSSHPublicKeys', 'ListServiceSpecificCredentials', 'GetAccountPasswordPolicy', 'ListAccountAliases', 'ListPolicyVersions', 'GetPolicy', 'GetUser'];
		expect(adminActions).toEqual(expect.arrayContaining([...reads, ...planReads.map(a => `iam:${a}`)]));
	});

	it('is least privilege: nothing beyond those writes and reads, no wildcards, no deny', () => {
		const expected = new Set([...methods.map(iamAction), ...actionsOf(readTemplate('iamtui-read-only'))]);
		expect(new Set(adminActions)).toEqual(expected);
		expect(adminActions.filter(a => /[*?]/.test(a))).toEqual([]);
		expect(statementsOf(admin).every(s => s.Effect === 'Allow')).toBe(true);
	});
});
