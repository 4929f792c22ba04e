// Publishing a year's progress on the public portal (issue 13): the focal officer publishes the
// text per plan item and the figures of the cycle's approved consolidated report; unpublishing
// withdraws them. Only what is published ever reaches the portal.
import { z } from 'zod';

export const PUBLISH_LIMITS = { text: 20_000, items: 500, itemKey: 100 } as const;

export const PublicationItemDto = z.object({
  itemKey: z.string(),
  heading: z.string(),
  text: z.string(),
});
export type PublicationItemDto = z.infer<typeof PublicationItemDto>;

export const PublicationFigureDto = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  total: z.number().nullable(),
  previousTotal: z.number().nullable(),
  reporting: z.number().int(),
  streams: z.array(z.object({ stream: z.string(), value: z.number().nullable() })),
});
export type PublicationFigureDto = z.infer<typeof PublicationFigureDto>;

/** GET /api/v1/cycles/:id/publication — what is published of the cycle, and what may be. */
export const PublicationStateDto = z.object({
  cycleId: z.string(),
  year: z.number().int(),
  /** The approved consolidated report (current version), or null: nothing can be published. */
  approved: z.object({ version: z.number().int(), at: z.string(), by: z.string().nullable() }).nullable(),
  /** The text to start from: the approved report's narrative per plan item, and its figures. */
  prefill: z.object({ items: z.array(PublicationItemDto), figures: z.array(PublicationFigureDto) }).nullable(),
  publication: z
    .object({
      version: z.number().int(),
      isPublished: z.boolean(),
      consolidationVersion: z.number().int(),
      publishedAt: z.string(),
      publishedBy: z.string().nullable(),
      unpublishedAt: z.string().nullable(),
      unpublishedBy: z.string().nullable(),
      items: z.array(PublicationItemDto),
      figures: z.array(PublicationFigureDto),
    })
    .nullable(),
  /** canPublish: the focal officer, with an approved report; canWithdraw: the focal officer, while published. */
  abilities: z.object({ canPublish: z.boolean(), canWithdraw: z.boolean() }),
});
export type PublicationStateDto = z.infer<typeof PublicationStateDto>;

/** PUT /api/v1/cycles/:id/publication — publish (or republish) the year's text and figures. */
export const PublishRequest = z.strictObject({
  /** The approved consolidation version the text was read from (409 when it changed). */
  consolidationVersion: z.number().int().min(1),
  /** The publication's version as read, 0 when nothing was published yet (409 when stale). */
  version: z.number().int().min(0),
  items: z
    .array(
      z.strictObject({
        itemKey: z.string().trim().min(1, 'Mục kế hoạch: bắt buộc').max(PUBLISH_LIMITS.itemKey),
        text: z.string().trim().max(PUBLISH_LIMITS.text, `Nội dung công bố: tối đa ${PUBLISH_LIMITS.text} ký tự`),
      }),
    )
    .max(PUBLISH_LIMITS.items),
});
export type PublishRequest = z.infer<typeof PublishRequest>;

/** POST /api/v1/cycles/:id/publication/withdraw — take the year off the portal. */
export const WithdrawPublicationRequest = z.strictObject({ version: z.number().int().min(1) });
export type WithdrawPublicationRequest = z.infer<typeof WithdrawPublicationRequest>;
