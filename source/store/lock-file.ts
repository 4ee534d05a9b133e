// A lock for read-modify-write of one of iamtui's files across processes (two TUIs adding a profile
// at once): FILE.lock created with O_EXCL holding the owner's pid. A lock whose owner is gone, or
// that is older than STALE_MS, is taken over; waiting is bounded, then a clear error says what to do.
import {closeSync, constants, lstatSync, openSync, unlinkSync, writeSync} from 'node:fs';
import {IamError} from '../model/errors.js';
import {FileReadError, readBoundedFile} from './read-file.js';

const STALE_MS = 10_000;
const WAIT_MS = 5_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const ownerAlive = (lock: string): boolean => {
	let pid: number;
	try {
		pid = Number.parseInt(readBoundedFile(lock, 'config', {noFollow: true}), 10);
	} catch (error) {
		// Gone meanwhile: the next attempt takes it. A link, a FIFO: not a lock of ours, so stale.
		return error instanceof FileReadError && error.reason === 'missing';
	}
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

const isStale = (lock: string): boolean => {
	try {
		const age = Date.now() - lstatSync(lock).mtimeMs;
		return age > STALE_MS || (age > 200 && !ownerAlive(lock));
	} catch {
		return false; // Gone already: the next attempt takes it.
	}
};

/** Runs `work` holding `file`.lock; throws an IamError after WAIT_MS if another live process keeps it. */
export const withFileLock = <T>(file: string, work: () => T): T => {
	const lock = `${file}.lock`;
	const deadline = Date.now() + WAIT_MS;
	for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
		try {
			const fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
			try {
				writeSync(fd, String(process.pid));
			} finally {
				closeSync(fd);
			}
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new IamError('Invalid', `cannot lock ${file}: ${(error as Error).message}`, 'check that its folder is writable');
		}
		if (isStale(lock)) {
			try {
				unlinkSync(lock);
			} catch {
				// Another process took it over first.
			}
			continue;
		}
		if (Date.now() > deadline) throw new IamError('Conflict', `${file} is being changed by another iamtui (${lock} is held)`, `try again; if no other iamtui is running, delete ${lock}`);
		sleep(pause);
	}
	try {
		return work();
	} finally {
		try {
			unlinkSync(lock);
		} catch {
			// Taken over as stale meanwhile: nothing of ours to remove.
		}
	}
};
