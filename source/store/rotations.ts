// Key rotations in progress, one JSON file (rotations.json, 0600) beside the config store, written
// atomically (temp file + rename). One entry per account and user: key ids and the stage only. The
// schema is strict and key ids cannot hold a secret's characters, so no secret can be written here.
import path from 'node:path';
import {z} from 'zod';
import {IamError} from '../model/errors.js';
import {rotationSchema, type RotationProgress} from '../model/rotation.js';
import {replacePrivateFile} from './private-file.js';
import {readBoundedFileIfPresent} from './read-file.js';

export const ROTATIONS_FILE = 'rotations.json';

const fileSchema = z.object({version: z.literal(1), rotations: z.array(rotationSchema)}).strict();

export class RotationStore {
	readonly path: string;

	/** `configFolder`: the config store's folder (dirname of ConfigStore.path). */
	constructor(configFolder: string) {
		this.path = path.join(configFolder, ROTATIONS_FILE);
	}

	/** Every rotation in progress (of `account` when given); a corrupt file is refused, not overwritten. */
	list(account?: string): RotationProgress[] {
		const all = this.read();
		return account ? all.filter(r => r.account === account) : all;
	}

	get(account: string, user: string): RotationProgress | undefined {
		return this.read().find(r => r.account === account && r.user === user);
	}

	/** Adds or replaces the rotation of this account and user. */
	save(progress: RotationProgress): void {
		const valid = rotationSchema.parse(progress);
		this.write([...this.read().filter(r => !(r.account === valid.account && r.user === valid.user)), valid]);
	}

	/** Forgets a rotation (finished or abandoned); the keys themselves are not touched. */
	remove(account: string, user: string): void {
		const all = this.read();
		const kept = all.filter(r => !(r.account === account && r.user === user));
		if (kept.length !== all.length) this.write(kept);
	}

	private read(): RotationProgress[] {
		// A regular file only (a link planted here is refused, not followed), at most 4 MiB.
		const text = readBoundedFileIfPresent(this.path, 'rotations', {noFollow: true});
		if (text === undefined) return [];
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			throw new IamError('Invalid', `${this.path} is not JSON: the rotations file is corrupt`, 'move it away; rotations in progress resume from the keys IAM lists');
		}
		const parsed = fileSchema.safeParse(json);
		if (!parsed.success)
			throw new IamError('Invalid', `${this.path} is not an iamtui rotations file (${parsed.error.issues[0]?.message ?? 'wrong shape'})`, 'move it away');
		return parsed.data.rotations;
	}

	private write(rotations: RotationProgress[]): void {
		replacePrivateFile(this.path, `${JSON.stringify({version: 1, rotations}, null, 2)}\n`);
	}
}
