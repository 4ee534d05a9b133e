import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import {renderTemplate} from '../../source/model/templates.js';
import {findTemplatesDir, listTemplates, loadTemplate, packageTemplatesDir} from '../../source/store/template-files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATES = path.join(ROOT, 'templates');

const document = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*'}]};
const template = (title: string) => JSON.stringify({title, description: `${title} description`, source: 'iamtui', parameters: [], document});

const failure = async (promise: Promise<unknown>): Promise<IamError> => {
	const error: unknown = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(IamError);
	return error as IamError;
};

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'iamtui-templates-'));
});
afterEach(async () => {
	await rm(dir, {recursive: true, force: true});
});

describe('the package templates folder', () => {
	it('is templates/ at the package root when running from source/', async () => {
		expect(await packageTemplatesDir()).toBe(TEMPLATES);
	});

	it.each([
		['dist/store (tsc output)', 'dist/store'],
		['dist (a bundled cli)', 'dist'],
		['source/store (tsx, vitest)', 'source/store'],
	])('is found from %s', async (_name, from) => {
		const pkg = path.join(dir, 'node_modules', 'iamtui');
		await mkdir(path.join(pkg, from), {recursive: true});
		await mkdir(path.join(pkg, 'templates'));
		await writeFile(path.join(pkg, 'package.json'), '{"name": "iamtui"}');
		// A templates/ folder without package.json higher up must not be taken.
		await mkdir(path.join(pkg, from, 'templates'));
		expect(await findTemplatesDir(path.join(pkg, from))).toBe(path.join(pkg, 'templates'));
	});

	it('says so when there is none', async () => {
		const error = await failure(findTemplatesDir(dir));
		expect(error.kind).toBe('NotFound');
		expect(error.message).toBe('the templates/ folder of iamtui was not found');
	});
});

describe('listTemplates', () => {
	it('lists every shipped template, sorted by id', async () => {
		const templates = await listTemplates();
		const files = (await readdir(TEMPLATES)).filter(f => f.endsWith('.json')).map(f => f.replace(/\.json$/, '')).sort();
		expect(templates.map(t => t.id)).toEqual(files);
		expect(templates.map(t => t.id)).toContain('iamtui-read-only');
		expect(templates.every(t => t.title && t.description && t.source)).toBe(true);
	});

	it('lists the JSON files of a folder, sorted, ignoring other files', async () => {
		await writeFile(path.join(dir, 'zeta.json'), template('Zeta'));
		await writeFile(path.join(dir, 'alpha.json'), template('Alpha'));
		await writeFile(path.join(dir, 'readme.md'), '# not a template');
		const templates = await listTemplates(dir);
		expect(templates.map(t => [t.id, t.title])).toEqual([
			['alpha', 'Alpha'],
			['zeta', 'Zeta'],
		]);
	});

	it('fails on a broken file, naming it', async () => {
		await writeFile(path.join(dir, 'good.json'), template('Good'));
		await writeFile(path.join(dir, 'broken.json'), '{"title": "Broken"');
		const error = await failure(listTemplates(dir));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toMatch(/^template "broken" is not valid: Not valid JSON at line 1/);
	});
});

describe('loadTemplate', () => {
	it('loads a shipped template by id', async () => {
		const loaded = await loadTemplate('s3-single-bucket');
		expect(loaded.id).toBe('s3-single-bucket');
		expect(loaded.parameters.map(p => p.name)).toEqual(['bucket']);
		expect(renderTemplate(loaded, {bucket: 'acme-logs'}).ok).toBe(true);
	});

	it('loads a template file by path, its id from the file name', async () => {
		const file = path.join(dir, 'my-tool.json');
		await writeFile(file, template('My tool'));
		const loaded = await loadTemplate(file);
		expect(loaded).toMatchObject({id: 'my-tool', title: 'My tool', document});
	});

	it('turns a bare policy document into a template without parameters', async () => {
		const file = path.join(dir, 'policy.json');
		await writeFile(file, JSON.stringify(document, null, 2));
		const loaded = await loadTemplate(file);
		expect(loaded).toEqual({id: 'policy', title: 'policy', description: `Policy document read from ${file}`, source: file, parameters: [], document, notes: []});
		expect(renderTemplate(loaded, {})).toEqual({ok: true, document: JSON.stringify(document)});
	});

	it('resolves a relative path from the working directory', async () => {
		const file = path.join(dir, 'relative.json');
		await writeFile(file, JSON.stringify(document));
		const loaded = await loadTemplate(path.relative(process.cwd(), file));
		expect(loaded.source).toBe(file);
	});

	it('keeps IAM policy variables in a bare document', async () => {
		const file = path.join(dir, 'home.json');
		const home = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*'}]};
		await writeFile(file, JSON.stringify(home));
		expect(renderTemplate(await loadTemplate(file), {})).toEqual({ok: true, document: JSON.stringify(home)});
	});

	it('an unknown id: NotFound, listing the templates', async () => {
		const error = await failure(loadTemplate('lightsail-ful-access'));
		expect(error.kind).toBe('NotFound');
		expect(error.message).toBe('no template named "lightsail-ful-access"');
		expect(error.hint).toContain('lightsail-full-access');
	});

	it('a missing file: NotFound, naming the path', async () => {
		const file = path.join(dir, 'absent.json');
		const error = await failure(loadTemplate(file));
		expect(error.kind).toBe('NotFound');
		expect(error.message).toBe(`no file at ${file}`);
	});

	it('a folder: Invalid', async () => {
		const error = await failure(loadTemplate(`${dir}/`));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toBe(`${dir} is a folder, not a JSON file`);
	});

	it('a file that is not JSON: Invalid, saying where it breaks', async () => {
		const file = path.join(dir, 'policy.json');
		await writeFile(file, '{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
		const error = await failure(loadTemplate(file));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not JSON: Not valid JSON at line 3, column 3: `));
	});

	it('JSON that is neither a template nor a policy: Invalid', async () => {
		const file = path.join(dir, 'other.json');
		await writeFile(file, '{"name": "not a policy"}');
		const error = await failure(loadTemplate(file));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toBe(`${file} is neither a policy document (no "Statement") nor a template (no "document")`);
	});

	it('a broken template file: Invalid, saying what is wrong', async () => {
		const file = path.join(dir, 'half.json');
		await writeFile(file, JSON.stringify({title: 'Half', document}));
		const error = await failure(loadTemplate(file));
		expect(error.kind).toBe('Invalid');
		expect(error.message).toBe(`${file}: template "half" is not valid: description must be a string; source must be a string`);
	});
});
