import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ContractClientError } from '@webstir-io/module-contract/client';
import { api } from './api.js';

/** The Accounts page: the list, a create form, and delete with a bearer token, all through TanStack Query. */
export function AccountsPage() {
  const queryClient = useQueryClient();
  const [token, setToken] = useState('');
  const list = useQuery(api.accounts.list.queryOptions({ query: { page: 1, limit: 50 } }));
  // Every change to an account makes the list stale: invalidate every key under accounts.list.
  const refreshList = () => queryClient.invalidateQueries({ queryKey: api.accounts.list.key() });
  const create = useMutation(api.accounts.create.mutationOptions({ onSuccess: refreshList }));
  const remove = useMutation(api.accounts.remove.mutationOptions({ onSuccess: refreshList }));

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    remove.reset();
    create.mutate({ body: { email: String(form.get('email')), name: String(form.get('name')) } });
  };
  const onDelete = (id: string) => {
    create.reset();
    remove.mutate({ params: { id }, extraHeaders: token ? { authorization: `Bearer ${token}` } : {} });
  };

  const busy = list.isFetching || create.isPending || remove.isPending;
  return (
    <main data-busy={busy ? 'yes' : 'no'}>
      <h1>Accounts</h1>
      <p>
        React with TanStack Query, through <code>createQueryUtils</code>. Without a framework: <a href="../">/app/</a>
      </p>

      <h2>Create</h2>
      <form id="create-form" onSubmit={onCreate}>
        <input name="email" type="email" placeholder="email" required />
        <input name="name" placeholder="name" required />
        <button type="submit" disabled={create.isPending}>
          Create
        </button>
      </form>

      <label>
        Bearer token for delete (the demo admin's is <code>demo-admin</code>):{' '}
        <input id="token" value={token} onChange={(event) => setToken(event.target.value)} placeholder="token" />
      </label>

      {create.isSuccess && (
        <output id="result" data-state="ok" data-account-id={create.data.id}>
          Created {create.data.name} &lt;{create.data.email}&gt;
        </output>
      )}
      {remove.isSuccess && (
        <output id="result" data-state="ok">
          Deleted
        </output>
      )}
      <ErrorOutput error={create.error ?? remove.error} />

      <h2>All accounts</h2>
      {list.error ? (
        <ErrorOutput error={list.error} />
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th />
              </tr>
            </thead>
            <tbody id="accounts">
              {list.data?.items.map((account) => (
                <tr key={account.id} data-account-id={account.id}>
                  <td>{account.name}</td>
                  <td>{account.email}</td>
                  <td>
                    <button type="button" onClick={() => onDelete(account.id)} disabled={remove.isPending}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id="total">{list.data ? `${list.data.total} account${list.data.total === 1 ? '' : 's'}` : 'Loading…'}</p>
        </>
      )}
    </main>
  );
}

/** A failed call, typed by the contract: the status and the one error shape's code and message. */
function ErrorOutput({ error }: { error: ContractClientError<{ code: string; message: string }> | null }) {
  if (!error) return null;
  const status = error.status === 0 ? 'no response' : `HTTP ${error.status}`;
  return (
    <output id="result" data-state="error" data-error-code={error.code}>
      {`${status} ${error.code}: ${error.body.message}`}
      {error.requestId && `\nrequest ${error.requestId}`}
    </output>
  );
}
