// withContext: the same account's model assuming another request context shares what the context cannot change
// (parsed policies, principals, who-can's holder index) and keeps its answers apart from the model it came from.
import {describe, expect, it} from 'vitest';
import {buildAccessModel, explain, whoCan, withContext} from '../../source/model/access.js';
import {parseContext} from '../../source/model/access/request-context.js';
import {buildIndex} from '../../source/model/indexes.js';
import {MFA_USER, accessSnapshot} from '../fixtures/access.js';

const decisionOf = async (model: ReturnType<typeof buildAccessModel>, name: string) => {
	const answer = await whoCan(model, 'ec2:TerminateInstances');
	if (!answer.ok) throw new Error(answer.message);
	return answer.users.find(u => u.name === name)?.decision ?? 'absent';
};

const contextOf = async (entry: string) => {
	const parsed = await parseContext([entry]);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.context;
};

describe('withContext', () => {
	it('shares the parsed policies, principals and holder index; answers stay each model\'s own, either way round', async () => {
		const base = buildAccessModel(buildIndex(accessSnapshot()));
		expect(await decisionOf(base, MFA_USER)).toBe('Conditional');
		const absent = withContext(base, await contextOf('aws:MultiFactorAuthPresent=false'));
		const present = withContext(base, await contextOf('aws:MultiFactorAuthPresent=true'));
		expect(absent.policies).toBe(base.policies);
		expect(absent.principals).toBe(base.principals);
		expect(absent.whoCanIndex).toBe(base.whoCanIndex);
		expect(absent.memo).not.toBe(base.memo);
		expect(await decisionOf(absent, MFA_USER)).toBe('absent');
		expect(await decisionOf(present, MFA_USER)).toBe('Allowed');
		// Asked after them, the open model still says what it did: nothing of theirs leaked into it.
		expect(await decisionOf(base, MFA_USER)).toBe('Conditional');
		// Explain's answers too (memoised per policy set, action and resource): each model its own.
		const explained = async (model: typeof base) => {
			const answer = await explain(model, MFA_USER, 'ec2:TerminateInstances');
			return answer.ok ? answer.decision : answer.message;
		};
		expect(await explained(base)).toBe('Conditional');
		expect(await explained(absent)).toBe('ImplicitDeny');
		expect(await explained(present)).toBe('Allowed');
		expect(await explained(base)).toBe('Conditional');
		// And back to no context: the open question again, on the same structures.
		const open = withContext(absent);
		expect(open.context).toBeUndefined();
		expect(await decisionOf(open, MFA_USER)).toBe('Conditional');
	});
});
