import { randomUUID } from 'node:crypto';
import { DomainError, NotFoundError, paginate } from '@webstir-io/module-contract';
import type { Account, CreateAccount } from './contract.js';

/** Where the Accounts module keeps its data. */
export interface AccountStore {
  list(query: { page: number; limit: number }): Promise<{ items: Account[]; page: number; limit: number; total: number }>;
  get(id: string): Promise<Account>;
  create(input: CreateAccount): Promise<Account>;
  remove(id: string): Promise<void>;
}

/** The embedded default: accounts in a Map, in insertion order. */
export class MemoryAccountStore implements AccountStore {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async list(query: { page: number; limit: number }) {
    return paginate([...this.accounts.values()], query);
  }

  async get(id: string): Promise<Account> {
    const account = this.accounts.get(id);
    if (!account) throw new NotFoundError(`Account ${id} not found`);
    return account;
  }

  async create(input: CreateAccount): Promise<Account> {
    const email = input.email.toLowerCase();
    for (const account of this.accounts.values()) {
      if (account.email === email) throw new DomainError(`Email ${email} is already registered`, { code: 'email_taken' });
    }
    const account: Account = { id: randomUUID(), email, name: input.name, createdAt: this.now().toISOString() };
    this.accounts.set(account.id, account);
    return account;
  }

  async remove(id: string): Promise<void> {
    if (!this.accounts.delete(id)) throw new NotFoundError(`Account ${id} not found`);
  }
}
