// What the offboarding screen offboards: the unfinished record of an earlier run for this user, else a
// record collected now. A resume re-reads the user, so what they gained since is revoked too.
import {useEffect, useState} from 'react';
import {buildIndex, type SnapshotIndex} from '../model/indexes.js';
import {collectRecord} from '../model/offboard/collect.js';
import type {OffboardRecord} from '../model/offboard/record.js';
import {resumeRecord} from '../model/offboard/resume.js';
import {useConnection} from './hooks/connection.js';
import {useServices} from './hooks/services-context.js';

/**
 * `now`: on a resume, what the user has now (undefined when it is gone); the plan starts from it.
 * `index`: the account the record was read from, for the lockout guard.
 */
export type LoadedRecord = {record: OffboardRecord; index: SnapshotIndex; resumedFrom?: string; now?: OffboardRecord};

export const useOffboardRecord = (name: string, index: SnapshotIndex): {loaded?: LoadedRecord; error?: unknown} => {
	const services = useServices();
	const {gateway, identity, identityError} = useConnection();
	const [state, setState] = useState<{loaded?: LoadedRecord; error?: unknown}>({});
	useEffect(() => {
		if (!identity) return;
		let live = true;
		const load = async (): Promise<LoadedRecord> => {
			const resumed = services.records.unfinished(identity.account).find(r => r.record.user.name === name);
			const collect = (from: SnapshotIndex, keepUser: boolean) =>
				collectRecord(name, {gateway, index: from, account: identity.account, callerArn: identity.arn, now: services.now(), keepUser});
			if (!resumed) return {record: await collect(index, false), index};
			// A resume re-reads the account: the snapshot on screen may predate what the user gained since.
			const fresh = buildIndex(await gateway.loadSnapshot());
			const now = fresh.userByName.has(name) ? await collect(fresh, resumed.record.keepUser) : undefined;
			return {record: resumeRecord(resumed.record, now, services.now()).record, index: fresh, resumedFrom: resumed.path, ...(now ? {now} : {})};
		};
		load().then(
			loaded => live && setState({loaded}),
			(error: unknown) => live && setState({error}),
		);
		return () => {
			live = false;
		};
		// Once per user and caller: after the run the index changes, and the record shown must stay.
	}, [name, identity, gateway, services]);
	if (!identity && identityError) return {error: new Error(`cannot tell which account this profile opens (sts:GetCallerIdentity failed): ${identityError}`)};
	return state;
};
