// What a request by a principal carries for certain, as the simulator's principal facts: a user's name, id,
// ARN and tags; a role session's ARN and tags (not the session's own name or tags, which are not known here).
import type {Role, User} from '../snapshot.js';
import type {AccessModel} from './model.js';

export const userFacts = (model: AccessModel, user: User): Record<string, string> => {
	const facts: Record<string, string> = {
		'aws:username': user.name,
		'aws:userid': user.id,
		'aws:PrincipalArn': user.arn,
		'aws:PrincipalAccount': model.accountId,
		'aws:PrincipalType': 'User',
	};
	for (const tag of user.tags) facts[`aws:PrincipalTag/${tag.Key}`] = tag.Value;
	return facts;
};

/** What a role's sessions carry for certain. */
export const roleFacts = (model: AccessModel, role: Role): Record<string, string> => {
	const facts: Record<string, string> = {'aws:PrincipalArn': role.arn, 'aws:PrincipalAccount': model.accountId, 'aws:PrincipalType': 'AssumedRole'};
	for (const tag of role.tags) facts[`aws:PrincipalTag/${tag.Key}`] = tag.Value;
	return facts;
};
