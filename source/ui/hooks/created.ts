// What a write just created (a user, a group, a customer managed policy), so the list it belongs to
// can select the new row when the operator comes back to it.
import type {SnapshotPatch} from '../../model/plans/types.js';

export interface CreatedEntity {
	kind: 'user' | 'group' | 'policy';
	/** The list's row key: the name, or a policy's ARN. */
	key: string;
	/** Grows with every creation, so creating the same name twice still selects it again. */
	seq: number;
}

/** The last entity the patch created, if any. */
export const createdBy = (patch: SnapshotPatch, seq: number): CreatedEntity | undefined => {
	for (const change of [...patch.changes].reverse()) {
		if (change.operation === 'createUser') return {kind: 'user', key: change.user, seq};
		if (change.operation === 'createGroup') return {kind: 'group', key: change.group, seq};
		if (change.operation === 'createPolicy' && change.result?.arn) return {kind: 'policy', key: change.result.arn, seq};
	}
	return undefined;
};

/** The row a list of `kind` should select, or nothing. */
export const selectionFor = (created: CreatedEntity | undefined, kind: CreatedEntity['kind']) =>
	created?.kind === kind ? {key: created.key, seq: created.seq} : undefined;
