// Progress notes of an activity, dated, with evidence files (PDF, DOCX, XLSX, JPEG, PNG; type read
// from the content). Only the responsible unit adds them; whoever reads the activity reads them.
import type { ActivityDto } from '../../../shared/contracts/activities.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { invalidField, msg, notFound } from '../../lib/errors.js';
import { checkAttachment, fileStorage } from '../../lib/storage.js';
import type { Upload } from '../../lib/uploads.js';
import * as repo from './activities.repository.js';
import { editableActivity, loadActivity, readableActivity } from './activities.service.js';

const MAX_FILES = 10;

/** Adds a dated progress note with its files to an activity of the actor's unit. */
export async function addNote(
  ctx: Ctx,
  id: string,
  input: { date: string; text: string },
  files: Upload[],
): Promise<ActivityDto> {
  const { actor } = await editableActivity(ctx, id);
  if (files.length > MAX_FILES)
    throw invalidField(
      'files',
      msg(`Tệp minh chứng: tối đa ${MAX_FILES} tệp.`, `Evidence files: at most ${MAX_FILES}.`),
    );
  const checked: Array<Upload & { mime: string }> = [];
  for (const [i, f] of files.entries())
    checked.push({ ...f, ...(await checkAttachment(f.body, f.fileName, `files.${i}`)) });
  const storage = fileStorage(ctx);
  const stored: Array<{ key: string; sha256: string; size: number }> = [];
  try {
    for (const f of checked) stored.push(await storage.put(f.body));
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const note = await repo.insertNote(tx, {
        activityId: id,
        date: input.date,
        text: input.text,
        createdBy: actor.id,
        createdAt: now,
      });
      const names: string[] = [];
      for (const [i, f] of checked.entries()) {
        await repo.insertFile(tx, {
          activityId: id,
          noteId: note.id,
          fileName: f.fileName,
          mimeType: f.mime,
          size: stored[i].size,
          sha256: stored[i].sha256,
          storageKey: stored[i].key,
          uploadedBy: actor.id,
          uploadedAt: now,
        });
        names.push(f.fileName);
      }
      await writeAudit(tx, {
        actor,
        action: 'activity.note',
        entityType: 'activity',
        entityId: id,
        data: {
          noteId: note.id,
          changes: { note: { from: null, to: { date: input.date, text: input.text, files: names } } },
        },
        requestId: ctx.requestId,
        at: now,
      });
    });
  } catch (err) {
    for (const s of stored) await storage.remove(s.key);
    throw err;
  }
  return loadActivity(ctx, actor, id);
}

/** An evidence file, for whoever may read the activity. */
export async function downloadFile(ctx: Ctx, id: string, fileId: string) {
  await readableActivity(ctx, id);
  const file = await repo.getFile(ctx.db, id, fileId);
  if (!file) throw notFound(msg('Không tìm thấy tệp', 'File not found'));
  const body = await fileStorage(ctx).get(file.storageKey);
  return { fileName: file.fileName, mimeType: file.mimeType, sha256: file.sha256, body };
}
