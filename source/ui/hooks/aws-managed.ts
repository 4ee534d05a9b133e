// Every AWS managed policy, for the attach pickers: read through the gateway (ListPolicies Scope=AWS)
// when a picker opens. An export has no such list, and a profile may lack iam:ListPolicies: then the
// pickers keep the account's own policies and a few common AWS ones, and say why.
import {useEffect, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {AwsManagedPolicy} from '../../model/gateway.js';
import {useConnection} from './connection.js';

export type AwsManagedList = {status: 'loading'} | {status: 'ok'; policies: AwsManagedPolicy[]} | {status: 'error'; message: string};

export const useAwsManagedPolicies = (active: boolean): AwsManagedList => {
	const {gateway} = useConnection();
	const [list, setList] = useState<AwsManagedList>({status: 'loading'});
	useEffect(() => {
		if (!active) return;
		let live = true;
		Promise.resolve()
			.then(() => (gateway.awsManagedPolicies ? gateway.awsManagedPolicies() : Promise.reject(new Error('not available here'))))
			.then(
				policies => live && setList({status: 'ok', policies}),
				(error: unknown) => live && setList({status: 'error', message: describeError(error)}),
			);
		return () => {
			live = false;
		};
	}, [gateway, active]);
	return list;
};

/** A line for the picker's title while the list is not (or cannot be) complete. */
export const awsManagedNote = (list: AwsManagedList): string =>
	list.status === 'loading' ? ' · listing every AWS managed policy…' : list.status === 'error' ? ` · AWS managed policies: a common few (${list.message})` : '';
