// Writing a file only its owner may read (mode 0600): credential CSVs and private keys. A new file is
// created with O_EXCL, so an existing file (or a symlink planted at the path) is never written through;
// overwriting is explicit, never follows a symlink, and tightens the mode before the content goes in.
import {closeSync, constants, fchmodSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type WriteFailure = 'exists' | 'missing-folder' | 'not-writable' | 'is-directory' | 'other';
export type WriteResult = {ok: true; path: string} | {ok: false; reason: WriteFailure; message: string};

/** `~/x` → the home folder's x; then an absolute path. */
export const expandPath = (file: string): string => {
	const expanded = file === '~' ? os.homedir() : file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
	return path.resolve(expanded);
};

const kindOf = (target: string): 'file' | 'directory' | 'other' | 'missing' => {
	try {
		const stat = statSync(target);
		return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
	} catch {
		return 'missing';
	}
};

const failure = (reason: WriteFailure, message: string): WriteResult => ({ok: false, reason, message});

const failureFor = (error: unknown, file: string): WriteResult => {
	const code = (error as NodeJS.ErrnoException)?.code;
	const folder = path.dirname(file);
	switch (code) {
		case 'EEXIST':
			return failure('exists', `${file} already exists`);
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
			return failure('other', `${file} is a symbolic link; choose another name`);
		default:
			return failure('other', `Cannot write ${file}: ${(error as Error)?.message ?? String(error)}`);
	}
};

/** Why `file` could not be written now (folder missing, a folder, exists), or undefined: checked before a secret is made. */
export const checkPrivateFile = (file: string, options: {overwrite: boolean}): Extract<WriteResult, {ok: false}> | undefined => {
	if (!file.trim()) return {ok: false, reason: 'other', message: 'Give a file name'};
	const target = expandPath(file);
	const folder = path.dirname(target);
	const targetKind = kindOf(target);
	if (targetKind === 'directory') return {ok: false, reason: 'is-directory', message: `${target} is a folder; add a file name to the path`};
	const folderKind = kindOf(folder);
	if (folderKind === 'missing') return {ok: false, reason: 'missing-folder', message: `The folder ${folder} does not exist; create it or choose another path`};
	if (folderKind !== 'directory') return {ok: false, reason: 'missing-folder', message: `${folder} is not a folder; choose another path`};
	if (targetKind !== 'missing' && !options.overwrite) return {ok: false, reason: 'exists', message: `${target} already exists`};
	return undefined;
};

/** Writes `content()` to `file` with mode 0600; the content is produced only once the file is open. */
export const writePrivateFile = (file: string, content: () => string, options: {overwrite: boolean}): WriteResult => {
	const problem = checkPrivateFile(file, options);
	if (problem) return problem;
	const target = expandPath(file);

	const nofollow = constants.O_NOFOLLOW ?? 0;
	// Overwriting truncates only after the mode is ours: a file we may not chmod is left as it was.
	const flags = constants.O_WRONLY | constants.O_CREAT | nofollow | (options.overwrite ? 0 : constants.O_EXCL);
	let fd: number;
	try {
		fd = openSync(target, flags, 0o600);
	} catch (error) {
		return failureFor(error, target);
	}
	try {
		// `mode` only applies to a new file: an overwritten one keeps its old mode unless we set it.
		fchmodSync(fd, 0o600);
		if (options.overwrite) ftruncateSync(fd, 0);
		const bytes = Buffer.from(content(), 'utf8');
		for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
		bytes.fill(0);
		return {ok: true, path: target};
	} catch (error) {
		// Half a credentials file is worse than none; a file we created must not linger.
		if (!options.overwrite) {
			try {
				closeSync(fd);
				fd = -1;
				unlinkSync(target);
			} catch {
				// The failure below says what happened.
			}
		}
		return failureFor(error, target);
	} finally {
		if (fd >= 0) closeSync(fd);
	}
};
