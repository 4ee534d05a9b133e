// What IAM holds now for every user an unfinished plan touched: one snapshot, then their keys and
// passwords. Read through the gateway (an interface), judged by take-back.ts; shared by the headless
// `journal resolve` and the TUI's :journal, so both take back on the same evidence.
import type {IamGateway} from '../gateway.js';
import type {UnfinishedPlan} from './journal-plans.js';
import type {TakeBackEvidence} from './take-back.js';

export const readTakeBackEvidence = async (gateway: IamGateway, plan: UnfinishedPlan): Promise<TakeBackEvidence> => {
	const users = [...new Set(plan.steps.map(s => s.target.user).filter((u): u is string => u !== undefined))];
	const snapshot = await gateway.loadSnapshot();
	const evidence: TakeBackEvidence = new Map();
	for (const name of users) {
		const user = snapshot.users.find(u => u.name === name);
		if (!user) {
			evidence.set(name, {createDate: null, groups: [], loginProfile: null, accessKeys: []});
			continue;
		}
		const [profile, keys] = await Promise.all([gateway.loginProfile(name), gateway.accessKeys(name)]);
		evidence.set(name, {
			createDate: user.createDate,
			groups: user.groups,
			loginProfile: profile ? {createDate: profile.createDate} : null,
			accessKeys: keys.map(k => ({accessKeyId: k.accessKeyId, createDate: k.createDate})),
		});
	}
	return evidence;
};
