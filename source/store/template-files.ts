// Template files on disk: the templates/ folder shipped with the package, or any JSON file the
// operator names (a template, or a bare policy document, which becomes a template without parameters).
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {IamError} from '../model/errors.js';
import {parseJsonText} from '../model/json-text.js';
import {parseTemplate, type PolicyTemplate} from '../model/templates.js';
import {FileReadError, readBoundedFile} from './read-file.js';

const isDirectory = async (candidate: string) => (await stat(candidate).catch(() => undefined))?.isDirectory() ?? false;
const isFile = async (candidate: string) => (await stat(candidate).catch(() => undefined))?.isFile() ?? false;

/** The nearest folder at or above `from` that holds package.json and templates/; that templates/ folder. */
export const findTemplatesDir = async (from: string): Promise<string> => {
	let dir = from;
	for (;;) {
		const candidate = path.join(dir, 'templates');
		if ((await isFile(path.join(dir, 'package.json'))) && (await isDirectory(candidate))) return candidate;
		const parent = path.dirname(dir);
		if (parent === dir) throw new IamError('NotFound', 'the templates/ folder of iamtui was not found', 'reinstall iamtui: templates/ ships next to dist/');
		dir = parent;
	}
};

/** The package's templates/ folder, found from this module: works from source/store/ (tsx, vitest), dist/store/ and a bundled dist/. */
export const packageTemplatesDir = async (): Promise<string> => findTemplatesDir(path.dirname(fileURLToPath(import.meta.url)));

// Only a regular file of at most 1 MiB: a FIFO, a device or a huge file is refused, never waited on.
const readText = async (file: string): Promise<string> => {
	try {
		return readBoundedFile(file, 'policy');
	} catch (error) {
		const reason = error instanceof FileReadError ? error.reason : undefined;
		if (reason === 'missing') throw new IamError('NotFound', `no file at ${file}`, 'check the path, or give a template id (see the templates list)', 'ENOENT');
		if (reason === 'not-a-file' && /folder/.test((error as Error).message)) throw new IamError('Invalid', `${file} is a folder, not a JSON file`, 'give the path of a .json file', 'EISDIR');
		throw error;
	}
};

const idOf = (file: string) => path.basename(file).replace(/\.json$/i, '');

/** Every template in dir, sorted by id; a broken file fails the whole list with its name in the error. */
export const listTemplates = async (dir?: string): Promise<PolicyTemplate[]> => {
	const folder = dir ?? (await packageTemplatesDir());
	const files = (await readdir(folder)).filter(name => name.endsWith('.json')).sort();
	const templates = await Promise.all(files.map(async name => parseTemplate(idOf(name), await readText(path.join(folder, name)))));
	return templates.sort((a, b) => a.id.localeCompare(b.id));
};

// A bare policy document has Statement or Version at the top (a template has "document").
const isBareDocument = (value: unknown): boolean =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && ('Statement' in value || 'Version' in value);

const fromFile = async (file: string): Promise<PolicyTemplate> => {
	const text = await readText(file);
	const parsed = parseJsonText(text);
	if (!parsed.ok) throw new IamError('Invalid', `${file} is not JSON: ${parsed.message}`, 'fix the file, or give a template id');
	const isTemplate = typeof parsed.value === 'object' && parsed.value !== null && 'document' in parsed.value;
	if (isTemplate) {
		try {
			return parseTemplate(idOf(file), text);
		} catch (error) {
			// The schema names the field; the operator also needs to know which file.
			if (error instanceof IamError) throw new IamError(error.kind, `${file}: ${error.message}`, error.hint, error.code);
			throw error;
		}
	}
	if (!isBareDocument(parsed.value)) {
		throw new IamError('Invalid', `${file} is neither a policy document (no "Statement") nor a template (no "document")`, 'give a policy document {"Version": "2012-10-17", "Statement": [ … ]} or a template file');
	}
	return {
		id: idOf(file),
		title: idOf(file),
		description: `Policy document read from ${file}`,
		source: file,
		parameters: [],
		document: parsed.value,
		notes: [],
	};
};

const looksLikePath = (idOrPath: string) => /[\\/]/.test(idOrPath) || /\.json$/i.test(idOrPath);

/** A template by id (from the package's templates/) or by path to a JSON file (template or bare policy document). */
export const loadTemplate = async (idOrPath: string): Promise<PolicyTemplate> => {
	if (looksLikePath(idOrPath)) return fromFile(path.resolve(idOrPath));
	const dir = await packageTemplatesDir();
	const file = path.join(dir, `${idOrPath}.json`);
	if (!(await isFile(file))) {
		const ids = (await readdir(dir)).filter(n => n.endsWith('.json')).map(idOf).sort();
		throw new IamError('NotFound', `no template named "${idOrPath}"`, `templates: ${ids.join(', ')}; or give the path of a JSON file`);
	}
	return parseTemplate(idOrPath, await readText(file));
};
