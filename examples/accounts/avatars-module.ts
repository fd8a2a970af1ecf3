import { createHash } from 'node:crypto';
import { ContractError, createModule, ModuleErrorSchema, NotFoundError } from '@webstir-io/module-contract';
import { fromTsRestRouter } from '@webstir-io/module-contract/ts-rest';
import { AvatarInfo, avatarsContract, AvatarUpload } from './avatars-contract.js';
import type { AccountStore } from './store.js';

/** Builds the Avatars module: avatars of the accounts in `accounts`, kept in memory. */
export function createAvatarsModule(accounts: AccountStore) {
  const avatars = new Map<string, AvatarInfo>();
  const routes = fromTsRestRouter(avatarsContract, {
    avatars: {
      upload: async ({ params, body }, ctx) => {
        await accounts.get(params.id);
        if (!body.avatar.type.startsWith('image/')) {
          throw new ContractError('unsupported_media_type', `An avatar must be an image, not ${body.avatar.type || 'an untyped file'}`);
        }
        const bytes = new Uint8Array(await body.avatar.arrayBuffer());
        const info: AvatarInfo = {
          accountId: params.id,
          fileName: body.avatar.name,
          contentType: body.avatar.type,
          size: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          ...(body.alt !== undefined && { alt: body.alt }),
        };
        avatars.set(params.id, info);
        ctx.logger.info('avatar uploaded', { accountId: params.id, size: info.size });
        return { status: 200, body: info };
      },
      get: async ({ params }) => {
        const info = avatars.get(params.id);
        if (!info) throw new NotFoundError(`Account ${params.id} has no avatar`);
        return { status: 200, body: info };
      },
    },
  });

  return createModule({
    manifest: { name: 'avatars', version: '1.0.0', kind: 'backend', capabilities: ['db', 'files'] },
    routes,
    schemas: { AvatarInfo, AvatarUpload, ModuleError: ModuleErrorSchema },
  });
}
