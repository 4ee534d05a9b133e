// What the footer lists is the keys that work now, and they change within one screen: a finished plan
// no longer runs or cancels, and while a text field has the keys `q`, `r`, `:` and `?` are letters.
// The focused screen declares such a phase here; without a declaration the footer follows the route.
import {createContext, useCallback, useContext, useLayoutEffect, useState, type ReactNode} from 'react';
import type {ScreenId} from '../keymap.js';

export interface FooterScope {
	scope: ScreenId;
	/** A text field has the keys: printable keys type text, so the footer leaves them out. */
	typing?: boolean;
}

type Declare = (owner: symbol, scope: FooterScope | undefined, entry?: number) => void;
interface Declared {
	owner: symbol;
	scope: FooterScope;
	/** The stack entry of the screen that declared it. */
	entry: number | undefined;
}

const DeclareContext = createContext<Declare | undefined>(undefined);
const DeclaredContext = createContext<Declared | undefined>(undefined);
const EntryContext = createContext<number | undefined>(undefined);

/** Tells the screens inside which stack entry they are, so a declaration belongs to one. */
export const FooterEntry = EntryContext.Provider;

export function FooterScopeProvider(props: {children: ReactNode}) {
	const [declared, setDeclared] = useState<Declared>();
	// A screen losing focus clears only its own declaration, never the one the next screen made first.
	const declare = useCallback<Declare>(
		(owner, scope, entry) => setDeclared(current => (scope ? {owner, scope, entry} : current?.owner === owner ? undefined : current)),
		[],
	);
	return (
		<DeclareContext.Provider value={declare}>
			<DeclaredContext.Provider value={declared}>{props.children}</DeclaredContext.Provider>
		</DeclareContext.Provider>
	);
}

/**
 * The phase the screen on top declared, if any (the footer falls back to the route's scope). A screen
 * just left may not have taken its declaration back yet when the next frame is drawn: only the top
 * entry's counts, so a finished plan's keys never show under the list it went back to.
 */
export const useDeclaredFooterScope = (top: number | undefined): FooterScope | undefined => {
	const declared = useContext(DeclaredContext);
	return declared && declared.entry === top ? declared.scope : undefined;
};

/** Declares the footer's scope while `active` (the screen is focused); undefined leaves the route's. */
export const useFooterScope = (scope: FooterScope | undefined, active: boolean): void => {
	const declare = useContext(DeclareContext);
	const entry = useContext(EntryContext);
	const [owner] = useState(() => Symbol('footer scope'));
	const name = active ? scope?.scope : undefined;
	const typing = scope?.typing === true;
	useLayoutEffect(() => {
		if (!declare || !name) return;
		declare(owner, {scope: name, typing}, entry);
		return () => declare(owner, undefined);
	}, [declare, owner, entry, name, typing]);
};
