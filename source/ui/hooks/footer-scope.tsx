// What the footer lists is the keys that work now, and they change within one screen: a finished plan
// no longer runs or cancels, and while a text field has the keys `q`, `r`, `:` and `?` are letters.
// The focused screen (or a part of it, such as a filter bar being edited) declares its phase here, and a
// focused text field declares that it types: without a declaration the footer follows the route.
import {createContext, useCallback, useContext, useLayoutEffect, useState, type ReactNode} from 'react';
import type {KeyScope} from '../key-scopes.js';

export interface FooterScope {
	scope: KeyScope | undefined;
	/** A text field has the keys: printable keys type text, so the footer leaves them out. */
	typing: boolean;
}

interface Declaration {
	owner: symbol;
	/** The stack entry of the screen that declared it. */
	entry: number | undefined;
	scope?: KeyScope;
	typing?: boolean;
}

type Declare = (owner: symbol, declaration: Omit<Declaration, 'owner'> | undefined) => void;

const DeclareContext = createContext<Declare | undefined>(undefined);
const DeclaredContext = createContext<readonly Declaration[]>([]);
const EntryContext = createContext<number | undefined>(undefined);

/** Tells the screens inside which stack entry they are, so a declaration belongs to one. */
export const FooterEntry = EntryContext.Provider;

export function FooterScopeProvider(props: {children: ReactNode}) {
	const [declared, setDeclared] = useState<readonly Declaration[]>([]);
	// Newest last: a filter bar opened inside a wizard step speaks over the step until it closes. A part
	// losing focus takes back only its own declaration, never one another part made meanwhile.
	const declare = useCallback<Declare>(
		(owner, declaration) =>
			setDeclared(current => {
				const others = current.filter(item => item.owner !== owner);
				return declaration ? [...others, {owner, ...declaration}] : others.length === current.length ? current : others;
			}),
		[],
	);
	return (
		<DeclareContext.Provider value={declare}>
			<DeclaredContext.Provider value={declared}>{props.children}</DeclaredContext.Provider>
		</DeclareContext.Provider>
	);
}

/**
 * The phase of the screen on top: the newest scope it declared (undefined: the route's) and whether a
 * text field of it has the keys. A screen just left may not have taken its declarations back yet when
 * the next frame is drawn: only the top entry's count, so a finished plan's keys never show under the
 * list it went back to.
 */
export const useDeclaredFooterScope = (top: number | undefined): FooterScope => {
	const declared = useContext(DeclaredContext).filter(item => item.entry === top);
	return {scope: declared.filter(item => item.scope).at(-1)?.scope, typing: declared.some(item => item.typing)};
};

const useDeclaration = (scope: KeyScope | undefined, typing: boolean, active: boolean): void => {
	const declare = useContext(DeclareContext);
	const entry = useContext(EntryContext);
	const [owner] = useState(() => Symbol('footer declaration'));
	const declares = active && (scope !== undefined || typing);
	useLayoutEffect(() => {
		if (!declare || !declares) return;
		declare(owner, {entry, scope, typing});
		return () => declare(owner, undefined);
	}, [declare, owner, entry, declares, scope, typing]);
};

/** Declares the footer's scope while `active` (the screen or its part is focused); undefined leaves the route's. */
export const useFooterScope = (scope: KeyScope | undefined, active: boolean): void => useDeclaration(scope, false, active);

/** Declares, while `focused`, that a text field has the keys (TextField does this itself). */
export const useFooterTyping = (focused: boolean): void => useDeclaration(undefined, true, focused);
