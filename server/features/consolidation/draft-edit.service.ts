// Editing the consolidated draft: paragraph operations and document settings, refused with 409
// when another edit came first.
import { randomUUID } from 'node:crypto';
import type {
  ConsolidationDto,
  DraftOperation,
  UpdateConsolidationRequest,
} from '../../../shared/contracts/consolidation.js';
import { requireAccess } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg } from '../../lib/errors.js';
import { cycleById } from '../reporting/index.js';
import type { DraftParagraph } from './merge.js';
import * as repo from './consolidation.repository.js';
import { cycleNotFound, draftNotFound, groupsOf, toDto } from './consolidation.service.js';

function applyOperation(
  list: repo.ParagraphRow[],
  op: DraftOperation,
  draftId: string,
  generation: number,
): repo.ParagraphRow[] {
  const find = (id: string) => {
    const p = list.find((x) => x.id === id && !x.isRemoved);
    if (!p) {
      throw new AppError(
        'NOT_FOUND',
        msg(
          'Đoạn văn không còn trong dự thảo (có thể đã bị xóa); hãy tải lại',
          'The paragraph is no longer in the draft; reload',
        ),
        {
          status: 404,
          issues: [{ path: `operations.${op.op}.id`, message: msg('Không tìm thấy đoạn văn', 'Paragraph not found') }],
        },
      );
    }
    return p;
  };
  switch (op.op) {
    case 'update': {
      const p = find(op.id);
      p.text = op.text;
      p.isEdited = p.originKey !== null && op.text !== p.sourceText;
      p.sourceChanged = p.isEdited ? p.sourceChanged : false;
      return list;
    }
    case 'remove':
      find(op.id).isRemoved = true;
      return list;
    case 'move': {
      const p = find(op.id);
      const group = list.filter((x) => !x.isRemoved && x.part === p.part && x.itemKey === p.itemKey);
      const i = group.indexOf(p);
      const other = group[i + op.offset];
      if (!other) return list;
      const a = list.indexOf(p);
      const b = list.indexOf(other);
      [list[a], list[b]] = [list[b], list[a]];
      return list;
    }
    case 'add': {
      const row: repo.ParagraphRow = {
        id: randomUUID(),
        draftId,
        part: op.part,
        itemKey: op.itemKey,
        position: 0,
        text: op.text,
        originKey: null,
        sourceText: null,
        sourceUnitId: null,
        sourceUnitName: null,
        sourceReportId: null,
        isProvisional: false,
        isEdited: false,
        isRemoved: false,
        sourceChanged: false,
        addedGeneration: generation,
        changedGeneration: generation,
      };
      let at = -1;
      if (op.afterId) at = list.indexOf(find(op.afterId));
      else list.forEach((x, i) => x.part === op.part && x.itemKey === op.itemKey && (at = i));
      if (at < 0) {
        // An empty group: after the last paragraph of an earlier group.
        list.push(row);
      } else list.splice(at + 1, 0, row);
      return list;
    }
    default:
      // The contract admits no other operation; a new one must be handled above.
      throw new Error(`Unhandled draft operation: ${(op as { op: string }).op}`);
  }
}

/** Applies edits and settings to the draft; 409 when another edit came first. */
export async function updateConsolidation(
  ctx: Ctx,
  cycleId: string,
  input: UpdateConsolidationRequest,
): Promise<ConsolidationDto> {
  const actor = requireAccess(ctx, 'consolidation.edit');
  const cycle = await cycleById(ctx.db, cycleId);
  if (!cycle) throw cycleNotFound();
  const groups = await groupsOf(ctx.db, cycleId);
  const draft = await ctx.db.transaction(async (tx) => {
    const current = await repo.getDraftByCycle(tx, cycleId, { forUpdate: true });
    if (!current) throw draftNotFound();
    if (current.version !== input.version) {
      throw new AppError(
        'CONFLICT',
        msg(
          `Dự thảo đã được ${current.updatedByName ?? 'người khác'} thay đổi (phiên bản ${current.version}); hãy tải lại rồi sửa tiếp`,
          `The draft was changed by ${current.updatedByName ?? 'someone else'} (version ${current.version}); reload and edit again`,
        ),
        { status: 409, issues: [{ path: 'version', message: msg('Phiên bản đã cũ', 'Stale version') }] },
      );
    }
    const now = ctx.clock.now();
    if (input.operations.length) {
      let list = await repo.listParagraphs(tx, current.id);
      // Operations change rows in place: the stored state is kept aside so only changes are written.
      const before = list.map((p) => ({ ...p }));
      for (const op of input.operations) list = applyOperation(list, op, current.id, current.generation);
      // Positions follow the group order, then the list order inside each group.
      const gi = new Map(groups.map((g, i) => [`${g.part}|${g.itemKey}`, i]));
      const ordered = list
        .map((p, i) => ({ p, g: gi.get(`${p.part}|${p.itemKey}`) ?? groups.length, i }))
        .sort((a, b) => a.g - b.g || a.i - b.i);
      await repo.replaceParagraphs(
        tx,
        current.id,
        ordered.map(({ p }, i) => ({ ...p, position: i })) as DraftParagraph[],
        before,
      );
    }
    const row = await repo.updateDraft(tx, current.id, {
      ...input.settings,
      version: current.version + 1,
      updatedAt: now,
      updatedBy: actor.id,
      updatedByName: actor.name,
    });
    await writeAudit(tx, {
      actor,
      action: 'consolidation.edit',
      entityType: 'consolidation_draft',
      entityId: current.id,
      data: {
        version: row.version,
        operations: input.operations.map((o) => ({ op: o.op, id: 'id' in o ? o.id : undefined })),
        settings: input.settings ? Object.keys(input.settings) : [],
      },
      requestId: ctx.requestId,
      at: now,
    });
    return row;
  });
  return toDto(ctx, draft, cycle);
}
