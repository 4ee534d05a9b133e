// Applies a finished plan's changes to a snapshot, so the screens show them at once; the background
// reload then replaces the patched snapshot with what IAM says.
import type {AccountSnapshot} from '../snapshot.js';
import type {SnapshotPatch} from './types.js';

export const emptyPatch = (): SnapshotPatch => ({memberships: []});

export const applyPatch = (snapshot: AccountSnapshot, patch: SnapshotPatch): AccountSnapshot => {
	if (patch.memberships.length === 0) return snapshot;
	const users = snapshot.users.map(user => {
		const changes = patch.memberships.filter(m => m.user === user.name);
		if (changes.length === 0) return user;
		let groups = [...user.groups];
		for (const change of changes) {
			groups = groups.filter(g => g !== change.group);
			if (change.member) groups.push(change.group);
		}
		return {...user, groups};
	});
	return {...snapshot, users};
};
