// The SCPs' word on a question in one account, for scripts: who-can --org and can --org say it alike.
import {settledTexts} from '../model/org/org-who-can.js';
import type {ScpVerdict} from '../model/org/scp-verdict.js';

/** `kind`: whose verdict it is (the wording of what a request context decided names it). */
export const scpJson = (scp: ScpVerdict, kind: 'SCP' | 'RCP' = 'SCP'): Record<string, unknown> => {
	const settled = settledTexts(scp, kind);
	const decidedBy = settled.length > 0 ? {DecidedBy: settled} : {};
	switch (scp.kind) {
		case 'denied':
			return {Verdict: 'DENIED', How: scp.how === 'explicit-deny' ? 'EXPLICIT_DENY' : 'NO_ALLOW', PolicyName: scp.decider.scp?.name, Target: scp.decider.target.name, ...decidedBy};
		case 'conditional':
			return {Verdict: 'CONDITIONAL', Conditions: scp.conditions.map(c => ({Operator: c.operator, Key: c.key, Values: c.values, Effect: c.effect}))};
		case 'unknown':
			return {Verdict: 'UNKNOWN', Reason: scp.reason};
		case 'exempt':
			return {Verdict: 'EXEMPT', Reason: scp.reason};
		case 'permitted':
			return {Verdict: 'PERMITTED', ...decidedBy};
		// A wildcard's actions treated differently: each group of them with its verdict.
		case 'partly':
			return {Verdict: 'PARTLY', ByAction: scp.groups.map(group => ({Actions: group.actions, ...scpJson(group.verdict, kind)}))};
	}
};
