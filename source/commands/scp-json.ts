// The SCPs' word on a question in one account, for scripts: who-can --org and can --org say it alike.
import type {ScpVerdict} from '../model/org/scp-verdict.js';

export const scpJson = (scp: ScpVerdict) => {
	switch (scp.kind) {
		case 'denied':
			return {Verdict: 'DENIED', How: scp.how === 'explicit-deny' ? 'EXPLICIT_DENY' : 'NO_ALLOW', PolicyName: scp.decider.scp?.name, Target: scp.decider.target.name};
		case 'conditional':
			return {Verdict: 'CONDITIONAL', Conditions: scp.conditions.map(c => ({Operator: c.operator, Key: c.key, Values: c.values, Effect: c.effect}))};
		case 'unknown':
			return {Verdict: 'UNKNOWN', Reason: scp.reason};
		case 'exempt':
			return {Verdict: 'EXEMPT', Reason: scp.reason};
		case 'permitted':
			return {Verdict: 'PERMITTED'};
	}
};
