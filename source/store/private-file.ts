// Writing a file only its owner may read (mode 0600): credential CSVs, private keys and iamtui's own
// stores. The content goes into a new temporary file in the same folder (O_EXCL | O_NOFOLLOW: never an
// existing file, never through a link, never a FIFO that would block), then takes the final name in
// one step: link() for a new file (which fails if anything appeared there meanwhile, even a dangling
// link), rename() to overwrite. So only a regular file is ever replaced, and half a file never shows.
import {randomBytes} from 'node:crypto';
import {closeSync, constants, fchmodSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {IamError} from '../model/errors.js';

export type WriteFailure = 'exists' | 'missing-folder' | 'not-writable' | 'is-directory' | 'not-a-file' | 'other';
export type WriteResult = {ok: true; path: string} | {ok: false; reason: WriteFailure; message: string};

/** `~/x` → the home folder's x; then an absolute path. */
export const expandPath = (file: string): string => {
	const expanded = file === '~' ? os.homedir() : file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
	return path.resolve(expanded);
};

type Kind = 'file' | 'directory' | 'symlink' | 'other' | 'missing';

/** What is at the path itself (a link is a link, dangling or not). */
const kindAt = (target: string): Kind => {
	try {
		const stat = lstatSync(target);
		return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
	} catch {
		return 'missing';
	}
};

/** What a folder path leads to (a link to a folder is fine: only the file itself must not be one). */
const folderKind = (folder: string): 'directory' | 'other' | 'missing' => {
	try {
		return statSync(folder).isDirectory() ? 'directory' : 'other';
	} catch {
		return 'missing';
	}
};

const failure = (reason: WriteFailure, message: string): Extract<WriteResult, {ok: false}> => ({ok: false, reason, message});

const refusalFor = (kind: Kind, target: string): Extract<WriteResult, {ok: false}> | undefined => {
	if (kind === 'directory') return failure('is-directory', `${target} is a folder; add a file name to the path`);
	if (kind === 'symlink') return failure('not-a-file', `${target} is a symbolic link; iamtui never writes a secret through one — choose another name`);
	if (kind === 'other') return failure('not-a-file', `${target} is not a regular file (a pipe, device or socket); choose another name`);
	return undefined;
};

const failureFor = (error: unknown, file: string): Extract<WriteResult, {ok: false}> => {
	const code = (error as NodeJS.ErrnoException)?.code;
	const folder = path.dirname(file);
	switch (code) {
		case 'EEXIST':
			return refusalFor(kindAt(file), file) ?? failure('exists', `${file} already exists`);
		case 'ENOENT':
		case 'ENOTDIR':
			return failure('missing-folder', `The folder ${folder} does not exist; create it or choose another path`);
		case 'EACCES':
		case 'EPERM':
		case 'EROFS':
			return failure('not-writable', `Cannot write ${file}: ${folder} is not writable for you; choose another folder`);
		case 'EISDIR':
			return failure('is-directory', `${file} is a folder; add a file name to the path`);
		case 'ELOOP':
			return failure('not-a-file', `${file} is a symbolic link; choose another name`);
		case 'ENXIO': // O_NONBLOCK on a FIFO nobody reads, or a device without its driver
			return failure('not-a-file', `${file} is not a regular file (a pipe, device or socket); choose another name`);
		default:
			return failure('other', `Cannot write ${file}: ${(error as Error)?.message ?? String(error)}`);
	}
};

/** Why `file` could not be written now (folder missing, a folder, a link, a pipe, exists), or undefined: checked before a secret is made. */
export const checkPrivateFile = (file: string, options: {overwrite: boolean}): Extract<WriteResult, {ok: false}> | undefined => {
	if (!file.trim()) return failure('other', 'Give a file name');
	const target = expandPath(file);
	const folder = path.dirname(target);
	const kind = kindAt(target);
	if (kind === 'directory') return refusalFor(kind, target);
	const inFolder = folderKind(folder);
	if (inFolder === 'missing') return failure('missing-folder', `The folder ${folder} does not exist; create it or choose another path`);
	if (inFolder !== 'directory') return failure('missing-folder', `${folder} is not a folder; choose another path`);
	// A link or a pipe is refused even with --overwrite: replacing it is not what the operator asked for.
	const refused = refusalFor(kind, target);
	if (refused) return refused;
	if (kind === 'file' && !options.overwrite) return failure('exists', `${target} already exists`);
	return undefined;
};

// link() is not offered everywhere (some FUSE and network file systems): then rename after a last look.
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Moves the finished temporary file to `target`: never over anything unless `overwrite`, and then only over a regular file. */
const publish = (temporary: string, target: string, overwrite: boolean): void => {
	if (overwrite) {
		const refused = refusalFor(kindAt(target), target);
		if (refused) throw Object.assign(new Error(refused.message), {code: 'EEXIST'});
		renameSync(temporary, target);
		return;
	}
	try {
		linkSync(temporary, target);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		if (!NO_LINK.has(code)) throw error;
		if (kindAt(target) !== 'missing') throw Object.assign(new Error(`${target} exists`), {code: 'EEXIST'});
		renameSync(temporary, target);
		return;
	}
	removeQuietly(temporary);
};

const removeQuietly = (file: string) => {
	try {
		unlinkSync(file);
	} catch {
		// Already gone (renamed into place, or never made).
	}
};

/** Writes `content()` to `file` with mode 0600; the content is produced only once the temporary file is open. */
export const writePrivateFile = (file: string, content: () => string, options: {overwrite: boolean}): WriteResult => {
	const problem = checkPrivateFile(file, options);
	if (problem) return problem;
	const target = expandPath(file);
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
	let fd: number;
	try {
		// A new name, so neither O_EXCL nor O_NOFOLLOW can meet anything; O_NONBLOCK: opening never waits.
		fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o600);
	} catch (error) {
		return failureFor(error, target);
	}
	try {
		// The umask may have narrowed the mode; never widened, but say exactly 0600.
		fchmodSync(fd, 0o600);
		const bytes = Buffer.from(content(), 'utf8');
		for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
		bytes.fill(0);
		fsyncSync(fd);
		closeSync(fd);
		fd = -1;
		publish(temporary, target, options.overwrite);
		return {ok: true, path: target};
	} catch (error) {
		// Half a credentials file is worse than none: the temporary file never lingers.
		return failureFor(error, target);
	} finally {
		if (fd >= 0) closeSync(fd);
		removeQuietly(temporary);
	}
};

/** Replaces one of iamtui's own files (a store) with `text`, 0600, creating its folder (0700); throws with a clear message. */
export const replacePrivateFile = (file: string, text: string): void => {
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const written = writePrivateFile(file, () => text, {overwrite: true});
	if (!written.ok) throw new IamError('Invalid', written.message, `iamtui keeps its files in ${path.dirname(file)}: fix or move that folder`);
};

/** Appends `text` to one of iamtui's own files (the journal): never through a link, only to a regular file, kept 0600. */
export const appendPrivateLine = (file: string, text: string): void => {
	const hint = `iamtui keeps its files in ${path.dirname(file)}: move ${path.basename(file)} away`;
	let fd: number;
	try {
		fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o600);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException)?.code;
		// Not "choose another name": the name is iamtui's; what is at it must go.
		const message =
			code === 'ELOOP' ? `${file} is a symbolic link, which iamtui does not follow for its own files` : code === 'ENXIO' ? `${file} is not a regular file` : failureFor(error, file).message;
		throw new IamError('Invalid', message, hint);
	}
	try {
		if (!fstatSync(fd).isFile()) throw new IamError('Invalid', `${file} is not a regular file`, hint);
		// `mode` applies only when the file is created: keep it 0600 even if someone loosened it.
		fchmodSync(fd, 0o600);
		const bytes = Buffer.from(text, 'utf8');
		for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
	} finally {
		closeSync(fd);
	}
};
