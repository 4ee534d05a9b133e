// The access model of one snapshot, built once (its caches pay off across queries), and the set of
// admin-equivalent users, computed the first time a screen asks for it rather than before the first frame.
import {buildAccessModel, isAdminEquivalent, type AccessModel} from '../../model/access.js';
import type {SnapshotIndex} from '../../model/indexes.js';

export interface AccessState {
	model: AccessModel;
	/** Names of the users with an unconditional allow of * on * and no deny (memoised per snapshot). */
	adminUsers(): ReadonlySet<string>;
}

export const accessStateOf = (index: SnapshotIndex): AccessState => {
	const model = buildAccessModel(index);
	let admins: ReadonlySet<string> | undefined;
	return {
		model,
		adminUsers() {
			admins ??= new Set(index.snapshot.users.filter(user => isAdminEquivalent(model, user.name)).map(user => user.name));
			return admins;
		},
	};
};
