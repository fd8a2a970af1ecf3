import type { AnyClientResult, FailureBody, SuccessBody } from '../client-result.js';
import { ContractClientError } from './contract-client-error.js';

/**
 * The throwing mode: resolves to the body of a declared success, and throws a `ContractClientError`
 * (status, typed error body, request id) for anything else.
 * @example
 * try {
 *   const account = await unwrap(client.accounts.create({ body }));
 * } catch (error) {
 *   if (isContractClientError(error) && error.code === 'email_taken') ...
 * }
 */
export async function unwrap<TResult extends AnyClientResult>(result: TResult | Promise<TResult>): Promise<SuccessBody<TResult>> {
  const settled = await result;
  if (settled.ok) return settled.body as SuccessBody<TResult>;
  const cause = (settled as { error?: unknown }).error;
  throw new ContractClientError<FailureBody<TResult>>(settled as { status: number; body: FailureBody<TResult>; requestId: string | undefined }, cause === undefined ? undefined : { cause });
}
