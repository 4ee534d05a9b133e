// The audit journal: every write attempt as one JSON line (time, profile, account, caller, operation,
// target, outcome, error code), in the config folder, mode 0600. The schema is strict — no free-form
// field — so nothing secret can ride along in a record.
import {appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {JOURNAL_TARGET_FIELDS, type JournalEntry, type JournalSink} from '../model/plans/execute.js';

const name = z.string().max(256).nullable();

const entrySchema = z
	.object({
		time: z.string().max(40),
		profile: name,
		account: name,
		callerArn: name,
		operation: z.string().regex(/^iam:[A-Za-z]+$/),
		target: z.object(Object.fromEntries(JOURNAL_TARGET_FIELDS.map(field => [field, z.string().max(2048).optional()]))).strict(),
		outcome: z.enum(['ok', 'failed', 'refused']),
		errorCode: z.string().max(64).nullable(),
	})
	.strict();

export const JOURNAL_FILE = 'journal.jsonl';

export class Journal implements JournalSink {
	readonly path: string;

	/** `folder`: the config store's folder (dirname of ConfigStore.path). */
	constructor(folder: string) {
		this.path = path.join(folder, JOURNAL_FILE);
	}

	append(entry: JournalEntry): void {
		const record = entrySchema.parse(entry);
		mkdirSync(path.dirname(this.path), {recursive: true, mode: 0o700});
		appendFileSync(this.path, `${JSON.stringify(record)}\n`, {mode: 0o600});
		// `mode` applies only when the file is created: keep it 0600 even if someone loosened it.
		chmodSync(this.path, 0o600);
	}

	/** Every record, oldest first; lines that do not parse are skipped. */
	read(): JournalEntry[] {
		if (!existsSync(this.path)) return [];
		return readFileSync(this.path, 'utf8')
			.split('\n')
			.filter(Boolean)
			.flatMap(text => {
				try {
					const parsed = entrySchema.safeParse(JSON.parse(text));
					return parsed.success ? [parsed.data as JournalEntry] : [];
				} catch {
					return [];
				}
			});
	}
}
