import type { ModuleError } from '@webstir-io/module-contract';
import { createClient, type ClientResponse } from '@webstir-io/module-contract/client';
import { accountsContract, type Account } from '../contract.js';

// The page's own origin serves the API, so the base URL is empty.
const client = createClient(accountsContract, { baseUrl: '', timeoutMs: 10_000 });

const output = element<HTMLOutputElement>('result');

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

function showAccount(verb: string, account: Account): void {
  output.dataset.state = 'ok';
  output.dataset.accountId = account.id;
  output.textContent = `${verb} ${account.name} <${account.email}>\nid: ${account.id}\ncreated: ${account.createdAt}`;
}

/** Every failure the client reports carries the one error shape, whatever its status. */
function showError(result: ClientResponse<number, ModuleError, false>): void {
  output.dataset.state = 'error';
  output.dataset.errorCode = result.body.code;
  delete output.dataset.accountId;
  const status = result.status === 0 ? 'no response' : `HTTP ${result.status}`;
  output.textContent = `${status} ${result.body.code}: ${result.body.message}${result.requestId ? `\nrequest ${result.requestId}` : ''}`;
}

async function refresh(): Promise<void> {
  const result = await client.accounts.list({ query: { page: 1, limit: 50 } });
  if (result.status !== 200) return showError(result);
  const rows = result.body.items.map((account) => {
    const row = document.createElement('tr');
    for (const text of [account.name, account.email, account.id]) row.appendChild(document.createElement('td')).textContent = text;
    return row;
  });
  element('accounts').replaceChildren(...rows);
  element('total').textContent = `${result.body.total} account${result.body.total === 1 ? '' : 's'}`;
}

element<HTMLFormElement>('create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget as HTMLFormElement);
  const result = await client.accounts.create({ body: { email: String(form.get('email')), name: String(form.get('name')) } });
  switch (result.status) {
    case 201:
      showAccount('Created', result.body);
      element<HTMLInputElement>('get-form').querySelector('input')!.value = result.body.id;
      await refresh();
      break;
    case 409:
      // Typed by the contract: the one error shape, here with code `email_taken`.
      showError(result);
      break;
    default:
      showError(result);
  }
  document.body.dataset.ready = 'create';
});

element<HTMLFormElement>('get-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = String(new FormData(event.currentTarget as HTMLFormElement).get('id')).trim();
  const result = await client.accounts.get({ params: { id } });
  if (result.status === 200) showAccount('Found', result.body);
  else showError(result);
  document.body.dataset.ready = 'get';
});

await refresh();
document.body.dataset.ready = 'list';
