// What an organization's read calls is what the shipped templates grant: a call added to the readers
// without its permission would fail only in a real organization, at the first open.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {IDENTITY_CENTER_READ_ACTIONS} from '../../source/aws/identity-center-reader.js';
import {ORGANIZATION_READ_ACTIONS} from '../../source/aws/org-loader.js';

const actionsOf = (id: string): Set<string> => {
	const file = JSON.parse(readFileSync(new URL(`../../templates/${id}.json`, import.meta.url), 'utf8')) as {document: {Statement: {Effect: string; Action: string | string[]}[]}};
	return new Set(file.document.Statement.filter(s => s.Effect === 'Allow').flatMap(s => (Array.isArray(s.Action) ? s.Action : [s.Action])));
};

describe('organization read permissions', () => {
	for (const id of ['iamtui-read-only', 'iamtui-admin']) {
		it(`${id} grants every Organizations and Identity Center read the organization's open sends`, () => {
			const granted = actionsOf(id);
			expect([...ORGANIZATION_READ_ACTIONS, ...IDENTITY_CENTER_READ_ACTIONS].filter(a => !granted.has(a))).toEqual([]);
		});
	}
});
