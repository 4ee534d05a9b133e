// noneNamed (model/errors.ts): a user, group or role that is not there names the ones meant — those its
// name is part of, or a letter or two off — else where to list them.
import {expect, it} from 'vitest';
import {meantNames} from '../../source/model/close-names.js';
import {noneNamed} from '../../source/model/errors.js';

const roles = ['Deploy', 'DeployStaging', 'ReadOnlyAudit', 'Admin', 'Ops'];

it('names the names it is part of, and slips of a letter or two, at most three', () => {
	expect(noneNamed('role', 'Deplo', roles)).toMatchObject({kind: 'NotFound', code: 'NoSuchEntity', message: 'no role named Deplo in this account', hint: 'did you mean Deploy, DeployStaging?'});
	expect(noneNamed('role', 'readonlyaudti', roles).hint).toBe('did you mean ReadOnlyAudit?');
	expect(noneNamed('user', 'ana silva', ['ana.silva', 'bruno.costa']).hint).toBe('did you mean ana.silva?');
	expect(noneNamed('group', 'o', ['Ops', 'Dev', 'Docs', 'Admins', 'Owners']).hint.split(', ')).toHaveLength(3);
});

it('says where to list them when nothing is near (a short name is not matched loosely)', () => {
	expect(noneNamed('role', 'zzzz', roles).hint).toBe('list them with: iamtui roles');
	expect(noneNamed('group', 'grp', ['Ops', 'Dev']).hint).toBe('list them with: iamtui groups');
	expect(noneNamed('user', 'ghost', []).hint).toBe('list them with: iamtui users');
});

it('is the rule for who can and explain too (meantNames): a name a letter short is not taken for every name near it', () => {
	const users = ['ana.silva', 'dana.kim', 'hana.sato', 'bruno.costa'];
	// closestNames (for actions) would offer all three: each is within a few edits of ana.silv.
	expect(meantNames('ana.silv', users)).toEqual(['ana.silva']);
	expect(meantNames('ANA.SILVA', users)).toEqual(['ana.silva']);
	expect(meantNames('ana', users)).toEqual(['ana.silva', 'dana.kim', 'hana.sato']);
	expect(meantNames('zed', users)).toEqual([]);
});
