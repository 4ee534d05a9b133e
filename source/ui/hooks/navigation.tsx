// The screen stack: push to open, pop to go back, replace, jump (`:groups`). A jump goes on top of where
// it came from, so q/esc goes back there; jumping to a list already in the stack goes back down to it.
import {createContext, useContext, useMemo, useRef, useState, type ReactNode} from 'react';
import type {Route} from './routes.js';

export interface StackEntry {
	/** Stable React key: screens below the top stay mounted, so their cursor and filter survive. */
	id: number;
	route: Route;
}

export interface Navigation {
	stack: StackEntry[];
	top: StackEntry;
	push(route: Route): void;
	pop(): void;
	/** Pops the top, then every screen beneath that `gone` says has nothing left to show (never the first). */
	popPast(gone: (route: Route) => boolean): void;
	replace(route: Route): void;
	jump(route: Route): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function NavigationProvider(props: {initial: Route; children: ReactNode}) {
	const nextId = useRef(1);
	const [stack, setStack] = useState<StackEntry[]>(() => [{id: 0, route: props.initial}]);
	const navigation = useMemo<Navigation>(() => {
		const entry = (route: Route): StackEntry => ({id: nextId.current++, route});
		return {
			stack,
			top: stack[stack.length - 1]!,
			push: route => setStack(current => [...current, entry(route)]),
			pop: () => setStack(current => (current.length > 1 ? current.slice(0, -1) : current)),
			popPast: gone =>
				setStack(current => {
					let end = current.length > 1 ? current.length - 1 : current.length;
					while (end > 1 && gone(current[end - 1]!.route)) end--;
					return current.slice(0, end);
				}),
			replace: route => setStack(current => [...current.slice(0, -1), entry(route)]),
			jump: route =>
				setStack(current => {
					const at = current.findIndex(e => e.route.screen === route.screen);
					// A jump with more than its screen's name (`:whocan ACTION`) opens that screen afresh, where it was.
					if (at >= 0) return Object.keys(route).length > 1 ? [...current.slice(0, at), entry(route)] : current.slice(0, at + 1);
					// A shown-once secret is not kept under a jump: leaving it wipes it, as it always did.
					return [...current.filter(e => e.route.screen !== 'secret'), entry(route)];
				}),
		};
	}, [stack]);
	return <NavigationContext.Provider value={navigation}>{props.children}</NavigationContext.Provider>;
}

export const useNavigation = (): Navigation => {
	const navigation = useContext(NavigationContext);
	if (!navigation) throw new Error('useNavigation needs a NavigationProvider');
	return navigation;
};
