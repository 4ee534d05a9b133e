// Every page of an AWS NextToken listing, for the readers that list more than one page.

/** Calls `page` with each NextToken until AWS returns none, and joins the items. */
export const allPages = async <T>(page: (token?: string) => Promise<{items?: T[]; next?: string}>): Promise<T[]> => {
	const items: T[] = [];
	let token: string | undefined;
	do {
		const result = await page(token);
		items.push(...(result.items ?? []));
		token = result.next;
	} while (token);
	return items;
};
