// What the footer lists is the keys that work now, and they change within one screen: a finished plan
// no longer runs or cancels, and while a text field has the keys `q`, `r`, `:` and `?` are letters.
// The focused screen declares such a phase here; without a declaration the footer follows the route.
import {createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode} from 'react';
import type {ScreenId} from '../keymap.js';

export interface FooterScope {
	scope: ScreenId;
	/** A text field has the keys: printable keys type text, so the footer leaves them out. */
	typing?: boolean;
}

type Declare = (owner: symbol, scope: FooterScope | undefined) => void;

const DeclareContext = createContext<Declare | undefined>(undefined);
const DeclaredContext = createContext<FooterScope | undefined>(undefined);

export function FooterScopeProvider(props: {children: ReactNode}) {
	const [declared, setDeclared] = useState<{owner: symbol; scope: FooterScope}>();
	// A screen losing focus clears only its own declaration, never the one the next screen made first.
	const declare = useCallback<Declare>(
		(owner, scope) => setDeclared(current => (scope ? {owner, scope} : current?.owner === owner ? undefined : current)),
		[],
	);
	const value = useMemo(() => declared?.scope, [declared]);
	return (
		<DeclareContext.Provider value={declare}>
			<DeclaredContext.Provider value={value}>{props.children}</DeclaredContext.Provider>
		</DeclareContext.Provider>
	);
}

/** The phase the focused screen declared, if any (the footer falls back to the route's scope). */
export const useDeclaredFooterScope = (): FooterScope | undefined => useContext(DeclaredContext);

/** Declares the footer's scope while `active` (the screen is focused); undefined leaves the route's. */
export const useFooterScope = (scope: FooterScope | undefined, active: boolean): void => {
	const declare = useContext(DeclareContext);
	const [owner] = useState(() => Symbol('footer scope'));
	const name = active ? scope?.scope : undefined;
	const typing = scope?.typing === true;
	useLayoutEffect(() => {
		if (!declare || !name) return;
		declare(owner, {scope: name, typing});
		return () => declare(owner, undefined);
	}, [declare, owner, name, typing]);
};
