/**
 * The `operationId` of a route: its dotted name in camelCase, so that code generators get plain
 * identifiers. `accounts.get` → `accountsGet`, `billing.invoice-items.list` → `billingInvoiceItemsList`.
 */
export function operationIdFor(routeName: string): string {
  const words = routeName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
}
