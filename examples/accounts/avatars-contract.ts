import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { ModuleErrorSchema } from '@webstir-io/module-contract';
import { AccountId } from './contract.js';

const c = initContract();

/** What the server keeps of an uploaded avatar. */
export const AvatarInfo = z.object({
  accountId: z.string().uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  alt: z.string().optional(),
});
export type AvatarInfo = z.infer<typeof AvatarInfo>;

/** An avatar upload: the image as a file part, and optional alt text. */
export const AvatarUpload = z.object({
  avatar: z.instanceof(File),
  alt: z.string().max(200).optional(),
});

/** Account avatars, uploaded as `multipart/form-data`. */
export const avatarsContract = c.router(
  {
    avatars: c.router({
      upload: {
        method: 'PUT',
        path: '/accounts/:id/avatar',
        pathParams: AccountId,
        contentType: 'multipart/form-data',
        body: AvatarUpload,
        responses: { 200: AvatarInfo, 404: ModuleErrorSchema, 415: ModuleErrorSchema },
        summary: "Upload an account's avatar (an image, at most 1 MB)",
      },
      get: {
        method: 'GET',
        path: '/accounts/:id/avatar',
        pathParams: AccountId,
        responses: { 200: AvatarInfo, 404: ModuleErrorSchema },
        summary: "Describe an account's avatar",
      },
    }),
  },
  { pathPrefix: '/api' },
);

export type AvatarsContract = typeof avatarsContract;
