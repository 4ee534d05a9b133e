// Every file iamtui reads goes through here. Only a regular file is read: a FIFO, a device, a socket or
// a folder is refused before a byte is read, and opening never waits (O_NONBLOCK, then fstat on the
// open descriptor, so what is checked is what is read). Never more than a cap suited to the file's
// kind: /dev/zero or a runaway file cannot grow the process without bound.
import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {IamError} from '../model/errors.js';

const MiB = 1024 * 1024;

/** The largest file of each kind iamtui reads; far above any real one, far below what hurts. */
export const READ_LIMITS = {
	certificate: {bytes: 1 * MiB, label: 'certificate file'},
	policy: {bytes: 1 * MiB, label: 'policy or template file'},
	export: {bytes: 256 * MiB, label: 'authorization details export'},
	record: {bytes: 16 * MiB, label: 'offboarding record'},
	rotations: {bytes: 4 * MiB, label: 'rotations file'},
	config: {bytes: 4 * MiB, label: 'config store'},
	journal: {bytes: 64 * MiB, label: 'journal'},
} as const;

export type FileKind = keyof typeof READ_LIMITS;

export interface ReadOptions {
	/** A symbolic link at the path itself is refused (iamtui's own files: nobody should plant one). */
	noFollow?: boolean;
	/** Past the cap, the last `cap` bytes from a line start instead of a refusal (an append-only journal). */
	tail?: boolean;
}

/** Why a read was refused; `reason` lets a caller treat a missing file as empty. */
export class FileReadError extends IamError {
	constructor(
		readonly reason: 'missing' | 'not-a-file' | 'symlink' | 'too-large' | 'unreadable',
		readonly file: string,
		message: string,
		hint: string,
		errno?: string,
	) {
		super(reason === 'missing' ? 'NotFound' : 'Invalid', message, hint, errno ?? reason);
	}
}

const human = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${Math.round(bytes / 1024)} KiB`);

const openFailure = (error: unknown, file: string, noFollow: boolean): FileReadError => {
	const code = (error as NodeJS.ErrnoException)?.code;
	if (code === 'ENOENT') return new FileReadError('missing', file, `no file at ${file}`, 'check the path', code);
	if (code === 'ENOTDIR') return new FileReadError('missing', file, `no file at ${file} (a part of the path is not a folder)`, 'check the path', code);
	if (code === 'EISDIR') return new FileReadError('not-a-file', file, `${file} is a folder, not a file`, 'give the path of a file');
	// O_NOFOLLOW on a link: ELOOP on Linux and macOS, EMLINK on FreeBSD.
	if (noFollow && (code === 'ELOOP' || code === 'EMLINK'))
		return new FileReadError('symlink', file, `${file} is a symbolic link, which iamtui does not follow for its own files`, 'replace the link with the file itself, or move it away');
	if (code === 'EACCES' || code === 'EPERM') return new FileReadError('unreadable', file, `${file} is not readable for you`, 'check its permissions');
	return new FileReadError('unreadable', file, `cannot read ${file}${code ? ` (${code})` : ''}: ${(error as Error)?.message ?? String(error)}`, 'check the path');
};

/** The text of a regular file of this kind, or a FileReadError saying what is wrong with the path. */
export const readBoundedFile = (file: string, kind: FileKind, options: ReadOptions = {}): string => {
	const {bytes: cap, label} = READ_LIMITS[kind];
	let fd: number;
	try {
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
	} catch (error) {
		throw openFailure(error, file, options.noFollow ?? false);
	}
	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) throw new FileReadError('not-a-file', file, `${file} is a folder, not a file`, 'give the path of a file');
		if (!stat.isFile())
			throw new FileReadError('not-a-file', file, `${file} is not a regular file (a pipe, device or socket), so iamtui does not read it`, 'give the path of an ordinary file');
		const tooLarge = () =>
			new FileReadError('too-large', file, `${file} is larger than ${human(cap)}, more than any ${label} iamtui reads`, 'check the path; split or trim the file');
		let start = 0;
		if (stat.size > cap) {
			if (!options.tail) throw tooLarge();
			start = stat.size - cap;
		}
		// Read up to one byte past the cap: a file that grows while it is read is caught too.
		const buffer = Buffer.alloc(Math.min(stat.size - start, cap) + 1);
		let length = 0;
		for (;;) {
			if (length === buffer.length) break;
			const n = readSync(fd, buffer, length, buffer.length - length, start + length);
			if (n === 0) break;
			length += n;
		}
		if (length > cap && !options.tail) throw tooLarge();
		const text = buffer.subarray(0, Math.min(length, cap)).toString('utf8');
		// A tail starts mid-line: drop up to the first line break.
		return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
	} catch (error) {
		if (error instanceof FileReadError) throw error;
		throw openFailure(error, file, false);
	} finally {
		closeSync(fd);
	}
};

/** Like readBoundedFile, but a file that is not there reads as undefined (a store not written yet). */
export const readBoundedFileIfPresent = (file: string, kind: FileKind, options: ReadOptions = {}): string | undefined => {
	try {
		return readBoundedFile(file, kind, options);
	} catch (error) {
		if (error instanceof FileReadError && error.reason === 'missing') return undefined;
		throw error;
	}
};
