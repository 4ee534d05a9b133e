// The audit journal: every write attempt as one JSON line (time, profile, account, caller, operation,
// target, outcome, error code), in the config folder, mode 0600. The schema is strict — no free-form
// field — so nothing secret can ride along in a record.
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {JOURNAL_TARGET_FIELDS, type JournalEntry, type JournalSink} from '../model/plans/execute.js';
import {settledView} from '../model/plans/journal-plans.js';
import {appendPrivateLine} from './private-file.js';
import {readBoundedFileIfPresent} from './read-file.js';

const name = z.string().max(256).nullable();

const entrySchema = z
	.object({
		time: z.string().max(40),
		profile: name,
		account: name,
		callerArn: name,
		// IAM actions, iamtui's own lines, and Identity Center's removals (identitystore:, sso:).
		operation: z.string().regex(/^(iam|iamtui|identitystore|sso):[A-Za-z]+$/),
		target: z.object(Object.fromEntries(JOURNAL_TARGET_FIELDS.map(field => [field, z.string().max(2048).optional()]))).strict(),
		outcome: z.enum(['intent', 'ok', 'failed', 'refused']),
		errorCode: z.string().max(64).nullable(),
		// Plan ids and step indexes pair an intent with its outcome; lines from before them lack both.
		planId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
		step: z.number().int().min(0).max(100_000).optional(),
		by: z.literal('reconcile').optional(),
		resolves: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
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
		appendPrivateLine(this.path, `${JSON.stringify(record)}\n`);
	}

	/** The journal as the operator reads it (model/plans/journal-plans.ts): an intent folded into its outcome. */
	read(): JournalEntry[] {
		return settledView(this.lines());
	}

	/** Every record as written, intents included, oldest first; lines that do not parse are skipped. */
	lines(): JournalEntry[] {
		// Never through a planted link; past 64 MiB only the newest records (the tail) are read.
		const text = readBoundedFileIfPresent(this.path, 'journal', {noFollow: true, tail: true});
		if (text === undefined) return [];
		return text
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
