// Offboarding records, one JSON file per offboarding in the config folder's records/ (0700), each
// 0600 and written atomically (temp file + rename), so an interrupted run never leaves half a record.
// A record is what makes a run resumable and a mistake reversible; it never holds a secret.
import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {IamError} from '../model/errors.js';
import {offboardRecordSchema, type OffboardRecord} from '../model/offboard/record.js';
import {everywhereRecordSchema, type EverywhereRecord} from '../model/org/offboard-everywhere-record.js';
import {replacePrivateFile} from './private-file.js';
import {FileReadError, readBoundedFile} from './read-file.js';

export interface StoredRecord {
	path: string;
	record: OffboardRecord;
}

const safe = (name: string) => name.replace(/[^\w+=,.@-]/g, '_');
const stamp = (capturedAt: string) => capturedAt.replace(/[:.]/g, '-');

const fileName = (record: OffboardRecord) => `${record.account}-${safe(record.user.name)}-${stamp(record.capturedAt)}.json`;

/** Offboarding a person everywhere: its own prefix, so it never reads as one user's record. */
const everywhereFileName = (record: EverywhereRecord) => `everywhere-${record.managementAccount}-${safe(record.person.userName)}-${stamp(record.capturedAt)}.json`;

export const parseRecord = (text: string, file: string): OffboardRecord => {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new IamError('Invalid', `${file} is not JSON: the record is corrupt`, 'pass a record written by `iamtui offboard` (see `iamtui records`)');
	}
	const parsed = offboardRecordSchema.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
		throw new IamError('Invalid', `${file} is not an iamtui offboarding record (${first?.message ?? 'wrong shape'}${where})`, 'pass a record written by `iamtui offboard`');
	}
	return parsed.data;
};

export class RecordStore {
	readonly folder: string;

	/** `configFolder`: the config store's folder (dirname of ConfigStore.path). */
	constructor(configFolder: string) {
		this.folder = path.join(configFolder, 'records');
	}

	/** The file save() writes this record to: its progress lands there, whatever file it was read from. */
	pathOf(record: OffboardRecord): string {
		return path.join(this.folder, fileName(record));
	}

	/** Writes a new record or updates one (same account, user and capture time → same file). */
	save(record: OffboardRecord): string {
		const valid = offboardRecordSchema.parse(record);
		return this.write(this.pathOf(valid), valid);
	}

	/** A checked record to its file, 0600 and atomically, in the 0700 folder. */
	private write(file: string, valid: unknown): string {
		mkdirSync(this.folder, {recursive: true, mode: 0o700});
		replacePrivateFile(file, `${JSON.stringify(valid, null, 2)}\n`);
		return file;
	}

	/** A record from any path; refuses a corrupt file and, when `account` is given, another account's. */
	load(file: string, account?: string): OffboardRecord {
		let text: string;
		try {
			text = readBoundedFile(file, 'record');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			// A FIFO, a device or a huge file: its own message says what is wrong with it.
			if (error instanceof FileReadError && error.reason !== 'missing') throw error;
			throw new IamError('NotFound', `cannot read ${file}${code ? ` (${code})` : ''}`, 'list the records with `iamtui records`');
		}
		const record = parseRecord(text, file);
		if (account && record.account !== account)
			throw new IamError(
				'Invalid',
				`${file} is a record of account ${record.account}, but this profile is account ${account}`,
				'open the profile of the account the record came from (--profile)',
			);
		return record;
	}

	/** Every readable record, newest first; unreadable files are skipped (load() explains them). */
	list(): StoredRecord[] {
		if (!existsSync(this.folder)) return [];
		return readdirSync(this.folder)
			.filter(name => name.endsWith('.json'))
			.flatMap(name => {
				const file = path.join(this.folder, name);
				try {
					return [{path: file, record: this.load(file)}];
				} catch {
					return [];
				}
			})
			.sort((a, b) => b.record.capturedAt.localeCompare(a.record.capturedAt));
	}

	/** The file saveEverywhere() writes this record to. */
	everywherePathOf(record: EverywhereRecord): string {
		return path.join(this.folder, everywhereFileName(record));
	}

	/** Writes or updates the record of offboarding a person everywhere (same person and start → same file). */
	saveEverywhere(record: EverywhereRecord): string {
		const valid = everywhereRecordSchema.parse(record);
		return this.write(this.everywherePathOf(valid), valid);
	}

	/** Every readable record of offboarding a person everywhere, newest first (others are skipped). */
	listEverywhere(): Array<{path: string; record: EverywhereRecord}> {
		if (!existsSync(this.folder)) return [];
		return readdirSync(this.folder)
			.filter(name => name.startsWith('everywhere-') && name.endsWith('.json'))
			.flatMap(name => {
				const file = path.join(this.folder, name);
				try {
					const parsed = everywhereRecordSchema.safeParse(JSON.parse(readBoundedFile(file, 'record')));
					return parsed.success ? [{path: file, record: parsed.data}] : [];
				} catch {
					return [];
				}
			})
			.sort((a, b) => b.record.capturedAt.localeCompare(a.record.capturedAt));
	}

	/** Offboardings that were started and not finished, for this account (newest first). */
	unfinished(account: string): StoredRecord[] {
		return this.list().filter(r => r.record.account === account && r.record.finishedAt === null);
	}
}
